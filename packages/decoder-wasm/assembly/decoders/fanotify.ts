// fanotify_init and fanotify_mark as strace 6.1's fanotify.c prints them: the notification class
// apart from the other init flags, the event mask as 64 bits, FAN_NOFD by name.

import { arg } from "../call";
import { T_OPEN_FLAGS } from "../known";
import { outLen, putc, puts } from "../out";
import { FMT_DEC, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { findTable } from "../tables";
import { printDirfd, printFd, printPath } from "./args";
import { RVAL_DECODED, RVAL_FD } from "./rval";

let tablesReady = false;
let T_CLASSES: i32 = -1;
let T_INIT_FLAGS: i32 = -1;
let T_MARK_FLAGS: i32 = -1;
let T_EVENTS: i32 = -1;

function tables(): void {
  if (tablesReady) return;
  tablesReady = true;
  T_CLASSES = findTable("fan_classes");
  T_INIT_FLAGS = findTable("fan_init_flags");
  T_MARK_FLAGS = findTable("fan_mark_flags");
  T_EVENTS = findTable("fan_event_flags");
}

/** FAN_CLASS_NOTIF | FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT. */
const FAN_ALL_CLASS_BITS: u32 = 0x0c;
const FAN_NOFD: i32 = -1;

export function decodeFanotifyInit(): i32 {
  tables();
  const flags = <u32>arg(0);
  printEnum(T_CLASSES, <u64>(flags & FAN_ALL_CLASS_BITS));
  const rest = flags & ~FAN_ALL_CLASS_BITS;
  if (rest != 0) {
    putc(0x7c);
    printFlags(T_INIT_FLAGS, <u64>rest);
  }
  puts(", ");
  printFlags(T_OPEN_FLAGS, <u64>(<u32>arg(1)));
  return RVAL_DECODED | RVAL_FD;
}

export function decodeFanotifyMark(): i32 {
  tables();
  printFd(0);
  puts(", ");
  printFlags(T_MARK_FLAGS, <u64>(<u32>arg(1)));
  puts(", ");
  printFlags(T_EVENTS, arg(2));
  puts(", ");
  if (<i32>arg(3) == FAN_NOFD) {
    const start = outLen;
    puts("FAN_NOFD");
    restyle(start, <u64>(<i64>FAN_NOFD), FMT_DEC);
  } else printDirfd(3);
  puts(", ");
  printPath(4);
  return RVAL_DECODED;
}

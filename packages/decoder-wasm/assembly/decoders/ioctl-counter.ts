// Counter character devices (strace 6.1's counter_ioctl.c): COUNTER_ADD_WATCH_IOCTL's watch.

import {
  COUNTER_COMPONENT_ID,
  COUNTER_COMPONENT_PARENT,
  COUNTER_COMPONENT_SCOPE,
  COUNTER_COMPONENT_TYPE,
  COUNTER_WATCH_CHANNEL,
  COUNTER_WATCH_COMPONENT,
  COUNTER_WATCH_EVENT,
  SIZEOF_COUNTER_WATCH,
} from "../layouts";
import { putc, puts } from "../out";
import { F_U, F_XVAL, Field, printFields } from "./ioctl-fields";

const COMPONENT: Field[] = [
  new Field("type", COUNTER_COMPONENT_TYPE, 1, F_XVAL, "counter_component_type"),
  new Field("scope", COUNTER_COMPONENT_SCOPE, 1, F_XVAL, "counter_scope"),
  new Field("parent", COUNTER_COMPONENT_PARENT, 1, F_U),
  new Field("id", COUNTER_COMPONENT_ID, 1, F_U),
];
const WATCH_REST: Field[] = [
  new Field("event", COUNTER_WATCH_EVENT, 1, F_XVAL, "counter_event_type"),
  new Field("channel", COUNTER_WATCH_CHANNEL, 1, F_U),
];

export function printCounterWatch(p: usize, len: u32): bool {
  if (len < SIZEOF_COUNTER_WATCH) return false;
  puts("{component={");
  printFields(p + COUNTER_WATCH_COMPONENT, COMPONENT);
  putc(0x7d);
  printFields(p, WATCH_REST, false);
  putc(0x7d);
  return true;
}

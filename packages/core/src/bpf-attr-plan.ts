/**
 * The captures of bpf(2) beyond its attribute's sized capture (data/bpf-attr.ts), each chosen by
 * the command (args[0]): the strings and structs the attribute points at (POINTEE), the path of
 * the fd a printer is picked by, and the attribute's first bytes again at exit (STRUCT_IF); under
 * -y, every open fd's path.
 */

import { attrPointerCaptures } from "./attr-pointer-plan.js";
import { type DecodeFds, FD_PATHS_MAX } from "./capture-plan.js";
import type { CaptureSpec } from "./capture-spec.js";
import { constTables } from "./consts.js";
import { bpfAttrCommands } from "./data/bpf-attr.js";
import { CaptureKind, CaptureWhen, FdDecode } from "./record-format.js";

/** The attribute is bpf's second argument; the command its first. */
const ATTR_ARG = 1;
const CMD_ARG = 0;

function commandValue(name: string): number {
  const entry = constTables.find((t) => t.name === "bpf_commands")?.entries.find(([, n]) => n === name);
  if (!entry) throw new Error(`bpf captures: ${name} is not in bpf_commands`);
  return entry[0] >>> 0;
}

/** bpf's command-chosen captures, for -s `strsize`, the -y level `decodeFds` and -v. */
export function bpfAttrCaptures(strsize: number, decodeFds: DecodeFds, verbose: boolean): CaptureSpec[] {
  const out: CaptureSpec[] = [];
  for (const [name, cmd] of Object.entries(bpfAttrCommands)) {
    const sel = { selectorArg: CMD_ARG, selectorValue: commandValue(name) };
    for (const p of cmd.pointers ?? []) {
      if (p.verboseOnly && !verbose) continue;
      out.push(...attrPointerCaptures(ATTR_ARG, p, sel, strsize));
    }
    // the printer-picking fd's path; under -y every fd's (below)
    if (cmd.printerFd && decodeFds === "none")
      out.push({
        arg: ATTR_ARG,
        kind: CaptureKind.FD_PATHS,
        when: CaptureWhen.ENTRY,
        countArg: "field",
        offset: cmd.printerFd.offset,
        decode: 0,
        ...sel,
      });
    if (cmd.exitSize)
      out.push({
        arg: ATTR_ARG,
        kind: CaptureKind.STRUCT_IF,
        when: CaptureWhen.EXIT,
        size: cmd.exitSize,
        ...sel,
      });
  }
  // Under -y: what every open fd names, at entry. An fd field past the caller's size prints as
  // strace's zero fill, fd 0, decorated with what fd 0 names; the others are the caller's fds.
  if (decodeFds !== "none")
    out.push({
      arg: 0,
      kind: CaptureKind.FD_PATHS,
      when: CaptureWhen.ENTRY,
      countArg: "all",
      stride: 4,
      decode: decodeFds === "all" ? FdDecode.DETAILS : 0,
      max: FD_PATHS_MAX,
    });
  return out;
}

/**
 * `@tstrace/core/requests`: the request-dependent argument tables alone (which ioctl request or
 * prctl option points at which struct; how fcntl's, socket's and sockopt's arguments print per
 * command, family or level). The decoder's tables blob carries them; importing this entry loads no
 * syscall table.
 */
export { type RequestArgRow, requestArgs } from "./data/request-args.js";
export { type ValueCapture, type ValueCaptureRow, valueCaptures } from "./data/value-captures.js";

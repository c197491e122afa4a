/**
 * -k on the command line: the unwinder reads the traced program's files from this machine's
 * file system (a replay elsewhere needs the same files at the same paths).
 */
import { readFileSync } from "node:fs";
import { StackUnwinder } from "@tstrace/core/unwind";

/** A session's unwinder; files that cannot be read give frames without symbols. */
export function createStackUnwinder(): StackUnwinder {
  return new StackUnwinder((path) => {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  });
}

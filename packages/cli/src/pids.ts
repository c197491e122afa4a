import { UsageError } from "./usage-error.js";

/**
 * strace's process_opt_p_list: `-p 1,2`, `-p "$(pidof x)"` (spaces), `-p "$(pgrep x)"` (newlines).
 * Each item between delimiters must be a positive decimal; an empty one (two delimiters in a
 * row) is an invalid process id too, as in strace.
 */
export function pidsFrom(text: string, self: number = process.pid): number[] {
  const out: number[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = /[\n\t ,]/.exec(rest);
    const item = m ? rest.slice(0, m.index) : rest;
    const pid = /^\d+$/.test(item) && Number(item) <= 0x7fffffff ? Number(item) : 0;
    if (pid <= 0) throw new UsageError(`Invalid process id: '${item}'`, false);
    if (pid === self) throw new UsageError("I'm sorry, I can't let you do that, Dave.", false);
    if (!out.includes(pid)) out.push(pid);
    if (!m) break;
    rest = rest.slice(m.index + 1);
  }
  return out;
}

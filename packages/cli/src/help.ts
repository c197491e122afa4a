/**
 * `tstrace -h`: strace's usage, limited to what tstrace implements today, rendered from the option
 * table (option-table.ts) in strace's layout: the spelling in a 15-column left column, the text
 * from column 17, lists such as `precision:` indented under it.
 */
import {
  HELP_SECTIONS,
  type HelpEntry,
  type HelpSection,
  OPTION_TABLE,
  type OptionRow,
} from "./option-table.js";

/** The command itself, the one Startup entry that is not an option. */
const COMMAND_ENTRY: HelpEntry = {
  usage: "PROG [ARGS]",
  text: ["run PROG and trace its system calls and signals from its execve on"],
};

const TEXT_COLUMN = 17;

/**
 * strace's synopsis: the switches as one bracket (letters in strace's order: alphabetical, a
 * lowercase letter before its capital), then the options that take a value.
 */
function synopsis(table: readonly OptionRow[]): string {
  const switches = table
    .filter((r) => r.short !== undefined && r.arg !== "required" && r.short !== "D")
    .map((r) => r.short as string)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a === a.toLowerCase() ? -1 : 1));
  return `Usage: tstrace [-${switches.join("")}] [-a COLUMN] [-e EXPR]... [-o FILE] [-s STRSIZE]
               [-X FORMAT] [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-U COLUMNS]
               [-b SYSCALL] [-p PID]... [--seccomp-bpf] { -p PID | [-DDD] PROG [ARGS] }
`;
}

/** One entry in strace's two-column layout. */
export function renderEntry(entry: HelpEntry): string {
  const [first = "", ...rest] = entry.text;
  const head = `  ${entry.usage}`;
  let out =
    head.length <= TEXT_COLUMN - 1
      ? `${head.padEnd(TEXT_COLUMN)}${first}\n`
      : `${head}\n${" ".repeat(TEXT_COLUMN)}${first}\n`;
  for (const line of rest) out += `${" ".repeat(TEXT_COLUMN)}${line}\n`;
  for (const [label, lines] of entry.details ?? []) {
    lines.forEach((line, i) => {
      const left = i === 0 ? `     ${label}:` : "";
      out += `${left.padEnd(TEXT_COLUMN)}${line}\n`;
    });
  }
  return out;
}

/** The entries of one section, in table order. */
export function sectionEntries(
  section: HelpSection,
  table: readonly OptionRow[] = OPTION_TABLE,
): HelpEntry[] {
  const entries = table.flatMap((row) => row.help.filter((e) => (e.section ?? row.section) === section));
  return section === "Startup" ? [COMMAND_ENTRY, ...entries] : entries;
}

/** The whole `--help` text for a table. */
export function renderHelp(table: readonly OptionRow[] = OPTION_TABLE): string {
  const sections = HELP_SECTIONS.map(
    (section) => `${section}:\n${sectionEntries(section, table).map(renderEntry).join("")}`,
  );
  return `${synopsis(table)}\n${sections.join("\n")}`;
}

let rendered: string | undefined;

/** `tstrace -h`, rendered on first use (not at every start-up: it is most of the option table's work). */
export function helpText(): string {
  rendered ??= renderHelp();
  return rendered;
}

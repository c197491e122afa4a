/** One colour per strace class (the first class a syscall has), for the timeline and the chart. */
export const CLASS_COLOURS: Readonly<Record<string, string>> = {
  file: "#3b82f6",
  desc: "#10b981",
  network: "#f59e0b",
  process: "#ef4444",
  memory: "#8b5cf6",
  ipc: "#ec4899",
  signal: "#f97316",
  creds: "#14b8a6",
  clock: "#84cc16",
  stat: "#0ea5e9",
  lstat: "#0ea5e9",
  fstat: "#0ea5e9",
  "%stat": "#0ea5e9",
  statfs: "#6366f1",
  fstatfs: "#6366f1",
  "%statfs": "#6366f1",
  pure: "#a3a3a3",
  other: "#737373",
};

export const colourOf = (cls: string): string => CLASS_COLOURS[cls] ?? (CLASS_COLOURS.other as string);

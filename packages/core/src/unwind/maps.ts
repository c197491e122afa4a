/**
 * /proc/PID/maps as strace's mmap cache reads it (mmap_cache.c): only lines that name something
 * (a path, `[stack]`, `[vdso]`), in ascending order, duplicates and overlaps dropped.
 */

/** One mapping. */
export interface Mapping {
  readonly start: number;
  readonly end: number;
  readonly offset: number;
  readonly exec: boolean;
  /** `major:minor:inode`: with the path, the key the file's parsed form is cached under. */
  readonly id: string;
  readonly path: string;
}

const LINE =
  /^([0-9a-f]+)-([0-9a-f]+) ([r-])([w-])([x-])([ps]) ([0-9a-f]+) ([0-9a-f]+):([0-9a-f]+) (\d+)\s+(\S.*)$/;

/** Parses maps text; lines strace's sscanf would not take are skipped. */
export function parseMaps(text: string): Mapping[] {
  const out: Mapping[] = [];
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const start = Number.parseInt(m[1] as string, 16);
    const end = Number.parseInt(m[2] as string, 16);
    if (end < start) break;
    const last = out[out.length - 1];
    if (last) {
      if (last.start === start && last.end === end) continue;
      if (start <= last.start || start < last.end) continue;
    }
    out.push({
      start,
      end,
      offset: Number.parseInt(m[7] as string, 16),
      exec: m[5] === "x",
      id: `${m[8]}:${m[9]}:${m[10]}`,
      path: m[11] as string,
    });
  }
  return out;
}

/** The mapping holding `addr`, by binary search. */
export function findMapping(maps: readonly Mapping[], addr: number): Mapping | undefined {
  let lo = 0;
  let hi = maps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = maps[mid] as Mapping;
    if (addr >= m.start && addr < m.end) return m;
    if (addr < m.start) hi = mid - 1;
    else lo = mid + 1;
  }
  return undefined;
}

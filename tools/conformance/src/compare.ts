/** Line agreement of two normalised traces, compared in order. */
export interface Agreement {
  /** Lines that match, in order (longest common subsequence). */
  readonly matched: number;
  /** max(strace lines, tstrace lines): a missing or extra line counts against agreement. */
  readonly total: number;
  /** Lines of the reference with no counterpart, for the report. */
  readonly missing: readonly string[];
  /** Lines tstrace printed that strace did not. */
  readonly extra: readonly string[];
}

/** LCS over lines; traces are a few hundred lines, so the quadratic table is fine. */
export function compareLines(reference: readonly string[], actual: readonly string[]): Agreement {
  const n = reference.length;
  const m = actual.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        reference[i] === actual[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  const missing: string[] = [];
  const extra: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (reference[i] === actual[j]) {
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      missing.push(reference[i++] as string);
    } else {
      extra.push(actual[j++] as string);
    }
  }
  while (i < n) missing.push(reference[i++] as string);
  while (j < m) extra.push(actual[j++] as string);
  return { matched: table[0] ?? 0, total: Math.max(n, m), missing, extra };
}

/** Test helper shared by the merge property tests. */

/** Every element of `small` occurs in `big` at least as often (rows kept, duplicates included). */
export function isSubMultiset(small: readonly string[], big: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const s of big) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const s of small) {
    const n = counts.get(s) ?? 0;
    if (n === 0) return false;
    counts.set(s, n - 1);
  }
  return true;
}

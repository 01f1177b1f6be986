/** `IN ('a','b')` for a CHECK constraint or a WHERE clause, from an enum's `const` array (codes are plain identifiers). */
export function sqlIn(codes: readonly string[]): string {
  for (const c of codes) if (!/^[a-z_]+$/.test(c)) throw new Error(`not a plain code: ${c}`);
  return `IN (${codes.map((c) => `'${c}'`).join(',')})`;
}

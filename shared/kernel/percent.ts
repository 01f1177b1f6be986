/**
 * A share (0–1) as every face shows a percentage: one decimal, no sign ('66.7'); null when there
 * was nothing to divide by (the face says so in its own words: '—', 暂无).
 */
export function percentText(share: number): string;
export function percentText(share: number | null): string | null;
export function percentText(share: number | null): string | null {
  return share === null ? null : (share * 100).toFixed(1);
}

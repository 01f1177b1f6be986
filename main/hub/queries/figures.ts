/** How the reports show figures: means to one decimal, shares as a percentage to one decimal (null over nothing). */
export const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
export const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

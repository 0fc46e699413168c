/**
 * The nearest-rank percentile (`p` in 0–100) of `values`: always one of the measured values (the p99 of
 * 200 samples is the 198th), never an interpolation between two. 0 for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

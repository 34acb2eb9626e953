// One-sided 95% quantile of Student's t, for 90% two-sided prediction intervals. A table below 31 degrees of
// freedom; above, the Cornish–Fisher expansion around the normal quantile (error < 1e-4 there).
const T95_TABLE = [
  6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74,
  1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
];
const Z95 = 1.6448536269514722;

/** t quantile with P(T ≤ t) = 0.95 for the given degrees of freedom (≥ 1). */
export function studentT95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  const tabled = T95_TABLE[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

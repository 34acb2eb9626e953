import { MetricsInputError } from "../errors";
import { logBeta, logGamma } from "./log-gamma";

/** A customer's purchase summary over their observation period (any time unit, e.g. weeks). */
export type RfmSummary = {
  /** Repeat purchases x (the first purchase is not counted). */
  frequency: number;
  /** t_x: time from the first to the last purchase. */
  recency: number;
  /** T: time from the first purchase to the end of observation. */
  T: number;
};

/** BG/NBD parameters: purchase-rate heterogeneity Gamma(r, α), dropout heterogeneity Beta(a, b). */
export type BgnbdParams = { r: number; alpha: number; a: number; b: number };

/** Checks a summary row: integer x ≥ 0 and 0 ≤ t_x ≤ T with T > 0. */
export function assertRfmSummary(row: RfmSummary, label: string): void {
  const { frequency, recency, T } = row;
  if (!Number.isInteger(frequency) || frequency < 0) throw new MetricsInputError(`${label}: frequency must be an integer ≥ 0`);
  if (!Number.isFinite(T) || T <= 0) throw new MetricsInputError(`${label}: T must be positive`);
  if (!Number.isFinite(recency) || recency < 0 || recency > T) throw new MetricsInputError(`${label}: recency must lie in [0, T]`);
  if (frequency === 0 && recency !== 0) throw new MetricsInputError(`${label}: a customer without repeats has recency 0`);
}

/**
 * One customer's BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6):
 * L = B(a, b+x)/B(a,b) · Γ(r+x)α^r / (Γ(r)(α+T)^(r+x)) + [x>0] B(a+1, b+x−1)/B(a,b) · Γ(r+x)α^r / (Γ(r)(α+t_x)^(r+x)).
 */
export function bgnbdCustomerLogLikelihood(p: BgnbdParams, c: RfmSummary): number {
  const x = c.frequency;
  const common = logGamma(p.r + x) - logGamma(p.r) + p.r * Math.log(p.alpha) - logBeta(p.a, p.b);
  const stillAlive = logBeta(p.a, p.b + x) - (p.r + x) * Math.log(p.alpha + c.T);
  if (x === 0) return common + stillAlive;
  const droppedAfterLast = logBeta(p.a + 1, p.b + x - 1) - (p.r + x) * Math.log(p.alpha + c.recency);
  const m = Math.max(stillAlive, droppedAfterLast);
  return common + m + Math.log(Math.exp(stillAlive - m) + Math.exp(droppedAfterLast - m));
}

/** Total BG/NBD log-likelihood of a customer base. */
export function bgnbdLogLikelihood(p: BgnbdParams, customers: readonly RfmSummary[]): number {
  let total = 0;
  for (const c of customers) total += bgnbdCustomerLogLikelihood(p, c);
  return total;
}

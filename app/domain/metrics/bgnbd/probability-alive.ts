import { assertRfmSummary, type BgnbdParams, type RfmSummary } from "./bgnbd-log-likelihood";

/** BG/NBD probability that a customer is still active: 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function bgnbdProbabilityAlive(p: BgnbdParams, c: RfmSummary): number {
  assertRfmSummary(c, "customer");
  if (c.frequency === 0) return 1;
  const x = c.frequency;
  const logOdds = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.recency));
  return 1 / (1 + Math.exp(logOdds));
}

import { MetricsInputError } from "../errors";
import { assertRfmSummary, bgnbdCustomerLogLikelihood, type BgnbdParams, type RfmSummary } from "./bgnbd-log-likelihood";
import { nelderMead } from "./nelder-mead";

export type BgnbdFit = {
  params: BgnbdParams;
  /** Log-likelihood at the fitted parameters. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
};

/**
 * Maximum-likelihood BG/NBD fit. Customers with identical (x, t_x, T) are grouped and weighted, and the
 * simplex searches log-parameters so r, α, a, b stay positive without constraints.
 */
export function fitBgnbd(customers: readonly RfmSummary[], options: { start?: BgnbdParams } = {}): BgnbdFit {
  if (customers.length === 0) throw new MetricsInputError("fitBgnbd needs at least one customer");
  const groups = new Map<string, { row: RfmSummary; count: number }>();
  customers.forEach((c, i) => {
    assertRfmSummary(c, `customers[${i}]`);
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { row: c, count: 1 });
  });
  const weighted = [...groups.values()];
  const toParams = (v: readonly number[]): BgnbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  const negLogLikelihood = (v: readonly number[]) => {
    const p = toParams(v);
    let total = 0;
    for (const g of weighted) total += g.count * bgnbdCustomerLogLikelihood(p, g.row);
    return -total;
  };
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const x0 = [start.r, start.alpha, start.a, start.b].map((v) => {
    if (!(v > 0)) throw new MetricsInputError("start parameters must be positive");
    return Math.log(v);
  });
  // Restarting from the optimum guards against the simplex collapsing early on a flat ridge.
  let result = nelderMead(negLogLikelihood, x0);
  result = nelderMead(negLogLikelihood, result.x, { step: 0.1 });
  return { params: toParams(result.x), logLikelihood: -result.fx, iterations: result.iterations, converged: result.converged };
}

// A plain Nelder–Mead simplex minimiser (standard coefficients: reflection 1, expansion 2, contraction ½,
// shrink ½). Deterministic: the initial simplex steps each coordinate by `step`.

export type NelderMeadOptions = {
  /** Initial simplex step along each axis (default 0.5). */
  step?: number;
  /** Stop when the spread of function values and the simplex size are both below this (default 1e-10). */
  tolerance?: number;
  /** Hard stop (default 20,000 iterations). */
  maxIterations?: number;
};

export type NelderMeadResult = { x: number[]; fx: number; iterations: number; converged: boolean };

/** Minimises f from x0 with the Nelder–Mead simplex method. */
export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 20_000;
  const n = x0.length;
  if (n === 0) throw new RangeError("nelderMead needs at least one dimension");

  // Non-finite values (outside the model's domain) are treated as +Infinity so the simplex moves away.
  const evaluate = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, fx: evaluate(x) }));

  const combine = (a: readonly number[], b: readonly number[], t: number) => a.map((v, i) => v + t * (b[i]! - v));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    const secondWorst = simplex[n - 1]!;
    const spread = Math.abs(worst.fx - best.fx);
    let size = 0;
    for (const p of simplex) for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(p.x[i]! - best.x[i]!));
    if (spread <= tolerance * (1 + Math.abs(best.fx)) && size <= Math.sqrt(tolerance)) {
      return { x: best.x, fx: best.fx, iterations, converged: true };
    }

    const centroid = Array.from({ length: n }, (_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i]!, 0) / n);
    const reflected = combine(centroid, worst.x, -1);
    const fr = evaluate(reflected);
    if (fr < best.fx) {
      const expanded = combine(centroid, worst.x, -2);
      const fe = evaluate(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
      continue;
    }
    if (fr < secondWorst.fx) {
      simplex[n] = { x: reflected, fx: fr };
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fr < worst.fx;
    const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: contracted, fx: fc };
      continue;
    }
    simplex = simplex.map((p, k) => {
      if (k === 0) return p;
      const x = combine(best.x, p.x, 0.5);
      return { x, fx: evaluate(x) };
    });
  }
  simplex.sort((p, q) => p.fx - q.fx);
  return { x: simplex[0]!.x, fx: simplex[0]!.fx, iterations, converged: false };
}

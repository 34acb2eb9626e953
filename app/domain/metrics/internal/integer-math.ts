// Integer helpers for money in minor units. Every rounding in metrics goes through these so the whole folder
// rounds one way, the same as ~/domain/money mulRate: half to even, symmetric in sign (2.5 -> 2, 3.5 -> 4,
// -2.5 -> -2). Exact halves go to the even neighbour so sums of many rounded amounts carry no upward drift.
import { MetricsInputError } from "../errors";

/** Money and counts must be safe integers: a float here means someone skipped minor-unit conversion. */
export function assertInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new MetricsInputError(`${name} must be a safe integer, got ${String(value)}`);
  }
}

/** Counts, costs and amounts stored as positive magnitudes (discounts, refunds) must not be negative. */
export function assertNonNegativeInteger(name: string, value: number): void {
  assertInteger(name, value);
  if (value < 0) throw new MetricsInputError(`${name} must not be negative, got ${value}`);
}

/** A rate in basis points between 0 and 10,000 (0% to 100%). */
export function assertBasisPoints(name: string, value: number): void {
  assertInteger(name, value);
  if (value < 0 || value > 10_000) {
    throw new MetricsInputError(`${name} must be between 0 and 10000 basis points, got ${value}`);
  }
}

/** Exact integer division rounded half to even; bigint so products of large amounts stay exact. */
export function divRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = n < 0n ? -n : n;
  let q = magnitude / d;
  const twiceRemainder = (magnitude % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && q % 2n === 1n)) q += 1n;
  return n < 0n ? -q : q;
}

/** Converts a bigint result back to number, refusing values a JavaScript number cannot hold exactly. */
export function toSafeNumber(name: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MetricsInputError(`${name} overflows a safe integer: ${value.toString()}`);
  }
  return Number(value);
}

/** round(a × b / c) half to even, computed exactly on integers (mulRate when c = 10,000). */
export function mulDivRoundHalfEven(a: number, b: number, c: number): number {
  return toSafeNumber("result", divRoundHalfEven(BigInt(a) * BigInt(b), BigInt(c)));
}

/** Rounds a float half to even, for model outputs (forecasts) that are not exact rationals. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${String(x)}`);
  const magnitude = Math.abs(x);
  const floor = Math.floor(magnitude);
  const fraction = magnitude - floor;
  const rounded = fraction > 0.5 || (fraction === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  const r = Math.sign(x) * rounded;
  return r === 0 ? 0 : r; // no -0 in results
}

/** Sums integers, refusing to leave the safe-integer range. */
export function sumIntegers(name: string, values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    assertInteger(name, v);
    total += v;
    if (!Number.isSafeInteger(total)) throw new MetricsInputError(`${name} total overflows a safe integer`);
  }
  return total;
}

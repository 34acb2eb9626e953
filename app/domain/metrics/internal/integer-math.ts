// Integer helpers for money in minor units. Every rounding in metrics goes through divRoundHalfUp so the
// whole folder rounds one way: half away from zero ("half-up" on the magnitude: 2.5 -> 3, -2.5 -> -3).
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

/** Exact integer division rounded half away from zero; bigint so products of large amounts stay exact. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const magnitude = n < 0n ? -n : n;
  const q = (2n * magnitude + d) / (2n * d);
  return n < 0n ? -q : q;
}

/** Converts a bigint result back to number, refusing values a JavaScript number cannot hold exactly. */
export function toSafeNumber(name: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MetricsInputError(`${name} overflows a safe integer: ${value.toString()}`);
  }
  return Number(value);
}

/** round(a × b / c) half away from zero, computed exactly on integers. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  return toSafeNumber("result", divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(c)));
}

/** Rounds a float half away from zero, for model outputs (forecasts) that are not exact rationals. */
export function roundHalfUp(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${String(x)}`);
  const r = Math.sign(x) * Math.round(Math.abs(x));
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

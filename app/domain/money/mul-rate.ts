import { InvalidAllocationError, InvalidMinorAmountError } from "./errors";
import { assertMinor } from "./money";

const BASIS_POINTS_PER_UNIT = 10_000n;

/**
 * Applies a rate in basis points (1250 = 12.5%) to minor units, rounding half to even ("banker's rounding"):
 * an exact half unit goes to the even neighbour, so sums of many commissions carry no upward drift.
 * Exact integer arithmetic; negative amounts round symmetrically to positive ones.
 */
export function mulRate(minor: number, basisPoints: number): number {
  assertMinor(minor);
  if (!Number.isSafeInteger(basisPoints)) {
    throw new InvalidAllocationError(`Rate must be an integer number of basis points, got ${String(basisPoints)}`);
  }
  const product = BigInt(minor) * BigInt(basisPoints);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let quotient = magnitude / BASIS_POINTS_PER_UNIT;
  const twiceRemainder = (magnitude % BASIS_POINTS_PER_UNIT) * 2n;
  if (twiceRemainder > BASIS_POINTS_PER_UNIT || (twiceRemainder === BASIS_POINTS_PER_UNIT && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidMinorAmountError(`${minor} × ${basisPoints} bp leaves the safe integer range`);
  }
  const result = Number(quotient);
  return negative && result !== 0 ? -result : result;
}

import { InvalidAllocationError } from "./errors";
import { assertMinor } from "./money";

interface Scaled {
  numerator: bigint;
  /** value = numerator / 10^scale */
  scale: number;
}

/**
 * Reads a JS number as the decimal it prints as ("0.1", "1e-7"), so weights such as 0.4/0.2/0.4
 * split exactly like 4/2/4 instead of inheriting binary floating-point error.
 */
function toScaled(weight: number): Scaled {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(weight));
  if (!match) throw new InvalidAllocationError(`Weight ${String(weight)} is not a finite non-negative number`);
  const [, integerDigits = "0", fractionDigits = "", exponentText = "0"] = match;
  const scale = fractionDigits.length - Number(exponentText);
  const numerator = BigInt(integerDigits + fractionDigits);
  return scale >= 0 ? { numerator, scale } : { numerator: numerator * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * Splits an integer amount of minor units across weights so that the parts sum exactly to the total
 * (largest-remainder method). Each part gets floor(total × weight / Σweights); the units left over go one
 * each to the parts with the largest remainders, ties to the earlier part. A negative total is split as the
 * mirror image of its absolute value, so reversing an allocation cancels it unit for unit.
 */
export function allocateMinor(total: number, weights: readonly number[]): number[] {
  assertMinor(total);
  if (weights.length === 0) throw new InvalidAllocationError("Cannot allocate across an empty list of weights");
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new InvalidAllocationError(`Weight ${String(weight)} is not a finite non-negative number`);
    }
  }
  const scaled = weights.map(toScaled);
  const commonScale = Math.max(...scaled.map((s) => s.scale));
  const exact = scaled.map((s) => s.numerator * 10n ** BigInt(commonScale - s.scale));
  const sum = exact.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new InvalidAllocationError("Cannot allocate across weights that are all zero");

  const magnitude = BigInt(Math.abs(total));
  const floors = exact.map((w) => (magnitude * w) / sum);
  const remainders = exact.map((w, index) => ({ index, remainder: (magnitude * w) % sum }));
  let leftover = magnitude - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  const sign = total < 0 ? -1 : 1;
  return floors.map((part) => (part === 0n ? 0 : sign * Number(part)));
}

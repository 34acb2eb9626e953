// A ratio with a zero (or meaningless) denominator is a reason, never Infinity, NaN or a made-up 0.
import { MetricsInputError } from "./errors";
import { assertInteger, divRoundHalfEven, toSafeNumber } from "./internal/integer-math";

export type RatioUndefinedReason =
  | "no_cost" // cost is zero
  | "cost_unknown" // no cost was supplied (rollups carry no cost)
  | "gross_profit_unknown" // no gross profit was supplied
  | "negative_cost" // commission clawbacks left the cost below zero; a ratio over it would mislead
  | "no_orders"
  | "no_clicks"
  | "no_customers"
  | "no_mature_customers" // customers exist but none has been observed for the whole horizon yet
  | "no_sales" // net sales are zero
  | "no_previous" // the comparison period's value is zero
  | "no_forecast" // the baseline forecast is zero or could not be made
  | "current_undefined"
  | "previous_undefined";

export type Ratio = { kind: "value"; value: number } | { kind: "undefined"; reason: RatioUndefinedReason };

/** A defined ratio; refuses non-finite numbers so Infinity and NaN never reach a page. */
export function definedRatio(value: number): Ratio {
  if (!Number.isFinite(value)) throw new MetricsInputError(`ratio value must be finite, got ${String(value)}`);
  return { kind: "value", value: value === 0 ? 0 : value };
}

/** An undefined ratio carrying why it cannot be shown as a number. */
export function undefinedRatio(reason: RatioUndefinedReason): Ratio {
  return { kind: "undefined", reason };
}

/** numerator / denominator as a plain number, or the given reason when the denominator is zero. */
export function ratioOf(numerator: number, denominator: number, reasonWhenZero: RatioUndefinedReason): Ratio {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    throw new MetricsInputError(`ratio operands must be finite, got ${String(numerator)} / ${String(denominator)}`);
  }
  if (denominator === 0) return undefinedRatio(reasonWhenZero);
  return definedRatio(numerator / denominator);
}

/** Money per unit (AOV, CAC, CLV): integer minor units rounded half to even, or the reason when the denominator is zero. */
export function minorRatioOf(numeratorMinor: number, denominator: number, reasonWhenZero: RatioUndefinedReason): Ratio {
  assertInteger("numeratorMinor", numeratorMinor);
  assertInteger("denominator", denominator);
  if (denominator === 0) return undefinedRatio(reasonWhenZero);
  return definedRatio(toSafeNumber("ratio", divRoundHalfEven(BigInt(numeratorMinor), BigInt(denominator))));
}

/** The ratio's number, or null when undefined (for sorting and charts that skip gaps). */
export function ratioValueOrNull(ratio: Ratio): number | null {
  return ratio.kind === "value" ? ratio.value : null;
}

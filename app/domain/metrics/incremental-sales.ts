import { MetricsInputError } from "./errors";
import type { BaselineForecast, BaselineUnavailable, DailyNet } from "./forecast-baseline";
import { daySerial } from "./internal/day";
import { assertInteger, sumIntegers } from "./internal/integer-math";
import { ratioOf, undefinedRatio, type Ratio } from "./ratio";

/** Default noise threshold: the baseline is too noisy when its interval half-width exceeds this × the forecast. */
export const DEFAULT_MAX_HALF_WIDTH_TO_FORECAST = 1;

export type IncrementalReason =
  | "history_shorter_than_min_weeks"
  | "interval_wider_than_threshold"
  | "interval_within_threshold";

export type IncrementalSales =
  | {
      verdict: "too_short";
      reason: "history_shorter_than_min_weeks";
      actualMinor: number;
      forecastMinor: null;
      incrementalMinor: null;
      lowMinor: null;
      highMinor: null;
      lift: Ratio;
    }
  | {
      verdict: "ok" | "too_noisy";
      reason: "interval_wider_than_threshold" | "interval_within_threshold";
      /** Shop net sales over the window. */
      actualMinor: number;
      forecastMinor: number;
      /** actual − forecast. */
      incrementalMinor: number;
      /** 90% interval of the incremental sales: actual − forecast high … actual − forecast low. */
      lowMinor: number;
      highMinor: number;
      /** incremental / forecast; undefined ("no_forecast") when the forecast is not above zero. */
      lift: Ratio;
    };

/**
 * Incremental sales = shop net sales in the campaign window − the baseline forecast, with its 90% interval.
 * "too_short" when the baseline had fewer than 3 full weeks; "too_noisy" when the interval half-width is larger
 * than maxHalfWidthToForecast × the forecast (default 1: the interval would reach zero sales).
 */
export function incrementalSales(
  actualWindow: readonly DailyNet[],
  baseline: BaselineForecast | BaselineUnavailable,
  options: { maxHalfWidthToForecast?: number } = {},
): IncrementalSales {
  const threshold = options.maxHalfWidthToForecast ?? DEFAULT_MAX_HALF_WIDTH_TO_FORECAST;
  if (!Number.isFinite(threshold) || threshold <= 0) {
    throw new MetricsInputError("maxHalfWidthToForecast must be a positive number");
  }
  const seen = new Set<number>();
  const windowDays = baseline.kind === "forecast" ? new Set(baseline.days.map((d) => daySerial(d.day))) : null;
  actualWindow.forEach((row, i) => {
    assertInteger(`actualWindow[${i}].netMinor`, row.netMinor);
    const s = daySerial(row.day);
    if (seen.has(s)) throw new MetricsInputError(`actualWindow has ${row.day} twice`);
    seen.add(s);
    if (windowDays !== null && !windowDays.has(s)) {
      throw new MetricsInputError(`actualWindow day ${row.day} is not in the forecast window`);
    }
  });
  // Days of the window without a row had no sales.
  const actualMinor = sumIntegers("actualMinor", actualWindow.map((r) => r.netMinor));

  if (baseline.kind === "insufficient_history") {
    return {
      verdict: "too_short",
      reason: "history_shorter_than_min_weeks",
      actualMinor,
      forecastMinor: null,
      incrementalMinor: null,
      lowMinor: null,
      highMinor: null,
      lift: undefinedRatio("no_forecast"),
    };
  }
  const forecastMinor = baseline.totalMinor;
  const incrementalMinor = actualMinor - forecastMinor;
  const tooNoisy = baseline.halfWidthMinor > threshold * forecastMinor && baseline.halfWidthMinor > 0;
  return {
    verdict: tooNoisy ? "too_noisy" : "ok",
    reason: tooNoisy ? "interval_wider_than_threshold" : "interval_within_threshold",
    actualMinor,
    forecastMinor,
    incrementalMinor,
    lowMinor: actualMinor - baseline.highMinor,
    highMinor: actualMinor - baseline.lowMinor,
    lift: forecastMinor > 0 ? ratioOf(incrementalMinor, forecastMinor, "no_forecast") : undefinedRatio("no_forecast"),
  };
}

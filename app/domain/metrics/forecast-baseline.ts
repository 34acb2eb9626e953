import { MetricsInputError } from "./errors";
import { dayFromSerial, daySerial, weekdayIndex } from "./internal/day";
import { assertInteger, roundHalfEven } from "./internal/integer-math";
import { studentT95 } from "./internal/student-t";

/** Fewer full weeks than this and a campaign's lift cannot be told from ordinary week-to-week variation. */
export const MIN_BASELINE_WEEKS = 3;
/** The fit uses at most this many most recent full weeks, so an old season does not set today's level. */
export const DEFAULT_BASELINE_MAX_WEEKS = 8;

export type DailyNet = { day: string; netMinor: number };

export type BaselineInput = {
  /** Shop net sales per shop-zone day before the campaign; missing days between the first and last are zero sales. */
  history: readonly DailyNet[];
  /** The campaign window's days; all after the history. */
  window: readonly string[];
  /** Last day of the history period when its final days had no sales (and so no rows); defaults to the last row's day. */
  historyEnd?: string;
  /** Most recent full weeks fitted, between 3 and 8 (default 8). */
  maxWeeks?: number;
};

export type BaselineForecast = {
  kind: "forecast";
  /** Full weeks available in the history. */
  fullWeeks: number;
  /** Full weeks fitted (the most recent min(fullWeeks, maxWeeks)). */
  fitWeeks: number;
  fitFrom: string;
  fitTo: string;
  /** Mean daily net sales over the fitted weeks, minor units (not rounded: a model parameter). */
  levelMinor: number;
  /** Multiplicative weekday factors, Monday first, averaging 1; null when the level is zero. */
  weekdayFactors: readonly number[] | null;
  /** Forecast per window day, integer minor units. */
  days: { day: string; forecastMinor: number }[];
  /** Sum of the per-day forecasts. */
  totalMinor: number;
  /** 90% prediction interval of the window total: totalMinor ∓ halfWidthMinor. */
  lowMinor: number;
  highMinor: number;
  halfWidthMinor: number;
  /** Standard deviation of the daily residuals of the fit, minor units. */
  residualSdMinor: number;
};

export type BaselineUnavailable = { kind: "insufficient_history"; fullWeeks: number; requiredWeeks: number };

/**
 * Baseline forecast of shop net sales for a campaign window: level × weekday factor, both fitted on the most
 * recent 3–8 full weeks before the window. level × factor(d) is the mean of weekday d over those weeks. The
 * 90% interval of the window total uses the fit's residual standard deviation s with n − 7 degrees of freedom:
 * variance = s² × (m + Σ_d k_d² / W), day-to-day noise over the m window days plus the uncertainty of the W-week
 * weekday means (k_d = window days falling on weekday d). Residuals are treated as independent.
 */
export function forecastBaseline(input: BaselineInput): BaselineForecast | BaselineUnavailable {
  const maxWeeks = input.maxWeeks ?? DEFAULT_BASELINE_MAX_WEEKS;
  if (!Number.isInteger(maxWeeks) || maxWeeks < MIN_BASELINE_WEEKS || maxWeeks > DEFAULT_BASELINE_MAX_WEEKS) {
    throw new MetricsInputError(`maxWeeks must be an integer between ${MIN_BASELINE_WEEKS} and ${DEFAULT_BASELINE_MAX_WEEKS}`);
  }
  if (input.window.length === 0) throw new MetricsInputError("the campaign window has no days");

  const bySerial = new Map<number, number>();
  input.history.forEach((row, i) => {
    assertInteger(`history[${i}].netMinor`, row.netMinor);
    const serial = daySerial(row.day);
    if (bySerial.has(serial)) throw new MetricsInputError(`history has ${row.day} twice`);
    bySerial.set(serial, row.netMinor);
  });
  const windowSerials = input.window.map((d) => daySerial(d));
  if (new Set(windowSerials).size !== windowSerials.length) throw new MetricsInputError("window has a day twice");

  const historySerials = [...bySerial.keys()];
  if (historySerials.length === 0 && input.historyEnd === undefined) {
    return { kind: "insufficient_history", fullWeeks: 0, requiredWeeks: MIN_BASELINE_WEEKS };
  }
  const lastRow = historySerials.length > 0 ? Math.max(...historySerials) : undefined;
  const end = input.historyEnd !== undefined ? daySerial(input.historyEnd) : (lastRow as number);
  if (lastRow !== undefined && lastRow > end) throw new MetricsInputError("history has rows after historyEnd");
  const start = historySerials.length > 0 ? Math.min(...historySerials) : end;
  const firstWindow = Math.min(...windowSerials);
  if (firstWindow <= end) throw new MetricsInputError("the campaign window must start after the history");

  const fullWeeks = Math.floor((end - start + 1) / 7);
  if (fullWeeks < MIN_BASELINE_WEEKS) {
    return { kind: "insufficient_history", fullWeeks, requiredWeeks: MIN_BASELINE_WEEKS };
  }
  const fitWeeks = Math.min(fullWeeks, maxWeeks);
  const fitStart = end - fitWeeks * 7 + 1;

  // Each weekday appears exactly fitWeeks times in the fit range, so the per-weekday mean is the fitted value.
  const weekdaySums = [0, 0, 0, 0, 0, 0, 0];
  for (let s = fitStart; s <= end; s++) weekdaySums[weekdayIndex(s)]! += bySerial.get(s) ?? 0;
  const weekdayMeans = weekdaySums.map((sum) => sum / fitWeeks);
  const levelMinor = weekdaySums.reduce((a, b) => a + b, 0) / (fitWeeks * 7);

  let sumSquares = 0;
  for (let s = fitStart; s <= end; s++) {
    const residual = (bySerial.get(s) ?? 0) - weekdayMeans[weekdayIndex(s)]!;
    sumSquares += residual * residual;
  }
  const degreesOfFreedom = fitWeeks * 7 - 7;
  const residualSdMinor = Math.sqrt(sumSquares / degreesOfFreedom);

  const days = windowSerials.map((s) => ({ day: dayFromSerial(s), forecastMinor: roundHalfEven(weekdayMeans[weekdayIndex(s)]!) }));
  const totalMinor = days.reduce((a, d) => a + d.forecastMinor, 0);
  const windowWeekdayCounts = [0, 0, 0, 0, 0, 0, 0];
  for (const s of windowSerials) windowWeekdayCounts[weekdayIndex(s)]! += 1;
  const sumKSquared = windowWeekdayCounts.reduce((a, k) => a + k * k, 0);
  const variance = residualSdMinor ** 2 * (windowSerials.length + sumKSquared / fitWeeks);
  const halfWidthMinor = roundHalfEven(studentT95(degreesOfFreedom) * Math.sqrt(variance));

  return {
    kind: "forecast",
    fullWeeks,
    fitWeeks,
    fitFrom: dayFromSerial(fitStart),
    fitTo: dayFromSerial(end),
    levelMinor,
    weekdayFactors: levelMinor === 0 ? null : weekdayMeans.map((m) => m / levelMinor),
    days,
    totalMinor,
    lowMinor: totalMinor - halfWidthMinor,
    highMinor: totalMinor + halfWidthMinor,
    halfWidthMinor,
    residualSdMinor,
  };
}

import { describe, expect, test } from "vitest";
import { MetricsInputError } from "./errors";
import { forecastBaseline, type DailyNet } from "./forecast-baseline";
import { dayFromSerial, daySerial } from "./internal/day";

// Monday … Sunday net sales of a shop with a clear weekend peak: 9,900 a week.
const PATTERN = [1_000, 1_100, 1_200, 1_300, 1_500, 2_000, 1_800];
const MONDAY = "2024-01-01";

/** `weeks` weeks of the pattern from `start` (a Monday), each day adjusted by noise(week, weekday). */
function series(start: string, weeks: number, noise: (week: number, weekday: number) => number = () => 0): DailyNet[] {
  const s0 = daySerial(start);
  return Array.from({ length: weeks * 7 }, (_, i) => ({
    day: dayFromSerial(s0 + i),
    netMinor: PATTERN[i % 7]! + noise(Math.floor(i / 7), i % 7),
  }));
}
const daysFrom = (start: string, n: number) => Array.from({ length: n }, (_, i) => dayFromSerial(daySerial(start) + i));
const alternating = (d: number) => (week: number) => (week % 2 === 0 ? d : -d);

describe("forecastBaseline: weekday pattern × level", () => {
  test("a noiseless weekly pattern is forecast exactly, with a zero-width interval", () => {
    const f = forecastBaseline({ history: series(MONDAY, 8), window: daysFrom("2024-02-26", 14) });
    expect(f.kind).toBe("forecast");
    if (f.kind !== "forecast") return;
    expect(f.days.map((d) => d.forecastMinor)).toEqual([...PATTERN, ...PATTERN]);
    expect([f.totalMinor, f.lowMinor, f.highMinor, f.halfWidthMinor, f.residualSdMinor]).toEqual([19_800, 19_800, 19_800, 0, 0]);
    expect([f.fullWeeks, f.fitWeeks, f.fitFrom, f.fitTo]).toEqual([8, 8, "2024-01-01", "2024-02-25"]);
    expect(f.levelMinor).toBeCloseTo(9_900 / 7, 9);
    expect(f.weekdayFactors?.[0]).toBeCloseTo(1_000 / (9_900 / 7), 9);
    expect(f.weekdayFactors?.reduce((a, b) => a + b, 0)).toBeCloseTo(7, 9);
  });

  test.each([
    // residuals ±100 on 28 days, df 21: s² = 280,000 / 21; variance = s² × (7 + 7/4) = 116,666.67; × t(21) 1.721 → 587.8
    ["4 weeks of ±100 week-to-week noise, one-week window", 4, 100, "2024-01-29", 7, 9_900, 588],
    // residuals ±100 on 56 days, df 49: s² = 560,000 / 49; variance = s² × (14 + 28/8) = 200,000; × t(49) 1.6766 → 749.8
    ["8 weeks of ±100 noise, two-week window", 8, 100, "2024-02-26", 14, 19_800, 750],
    // ±1,000 on 100-ish days makes some days negative (refunds beyond sales): half-width 5,878
    ["4 weeks of ±1,000 noise", 4, 1_000, "2024-01-29", 7, 9_900, 5_878],
  ])("%s", (_label, weeks, noise, windowStart, windowDays, total, halfWidth) => {
    const f = forecastBaseline({ history: series(MONDAY, weeks, alternating(noise)), window: daysFrom(windowStart, windowDays) });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect([f.totalMinor, f.halfWidthMinor, f.lowMinor, f.highMinor]).toEqual([total, halfWidth, total - halfWidth, total + halfWidth]);
  });

  test("weeks older than maxWeeks do not move the forecast", () => {
    const oldSeason = series("2023-12-18", 2).map((d) => ({ ...d, netMinor: 99_999 }));
    const f = forecastBaseline({ history: [...oldSeason, ...series(MONDAY, 8)], window: ["2024-02-26"] });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect([f.fullWeeks, f.fitWeeks, f.fitFrom, f.totalMinor]).toEqual([10, 8, "2024-01-01", 1_000]);
    const three = forecastBaseline({ history: [...oldSeason, ...series(MONDAY, 8)], window: ["2024-02-26"], maxWeeks: 3 });
    if (three.kind !== "forecast") throw new Error("expected a forecast");
    expect([three.fitWeeks, three.fitFrom]).toEqual([3, "2024-02-05"]);
  });

  test.each([
    ["a Saturday alone", ["2024-03-02"], [2_000]],
    ["days need not be contiguous", ["2024-03-04", "2024-03-10"], [1_000, 1_800]],
  ])("window of %s", (_label, window, expected) => {
    const f = forecastBaseline({ history: series(MONDAY, 8), window });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.days.map((d) => d.forecastMinor)).toEqual(expected);
  });

  test("a missing day inside the history counts as a day without sales", () => {
    const history = series(MONDAY, 3).filter((d) => d.day !== "2024-01-08"); // second Monday has no rollup
    const f = forecastBaseline({ history, window: ["2024-01-22"] });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.totalMinor).toBe(667); // (1,000 + 0 + 1,000) / 3 = 666.67
  });

  test("historyEnd extends the history over trailing days without sales", () => {
    const history = series(MONDAY, 3).slice(0, 20); // last Sunday has no rollup
    const f = forecastBaseline({ history, historyEnd: "2024-01-21", window: ["2024-01-28"] });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect([f.fullWeeks, f.totalMinor]).toEqual([3, 1_200]); // (1,800 + 1,800 + 0) / 3
    const without = forecastBaseline({ history, window: ["2024-01-28"] });
    expect(without).toEqual({ kind: "insufficient_history", fullWeeks: 2, requiredWeeks: 3 });
  });

  test.each([
    ["a half-yen mean goes to the even yen (1,000.5 → 1,000)", 1_002, 1_000],
    ["a half-yen mean goes to the even yen (1,001.5 → 1,002)", 1_006, 1_002],
    ["a mean above the half rounds up (1,000.75 → 1,001)", 1_003, 1_001],
  ])("a JPY shop: %s", (_label, fourthMonday, expected) => {
    const history = series(MONDAY, 4).map((d) => ({ ...d, netMinor: d.day === "2024-01-22" ? fourthMonday : d.netMinor }));
    const f = forecastBaseline({ history, window: ["2024-01-29"] });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.days[0]?.forecastMinor).toBe(expected); // (1,000 × 3 + fourth Monday) / 4
  });

  test("a level of zero has no weekday factors", () => {
    const f = forecastBaseline({ history: series(MONDAY, 3).map((d) => ({ ...d, netMinor: 0 })), window: ["2024-01-22"] });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect([f.weekdayFactors, f.totalMinor]).toEqual([null, 0]);
  });

  test.each([
    ["20 days", series(MONDAY, 3).slice(1), 2],
    ["no history at all", [], 0],
  ])("too short: %s", (_label, history, fullWeeks) => {
    expect(forecastBaseline({ history, window: ["2024-02-01"] })).toEqual({ kind: "insufficient_history", fullWeeks, requiredWeeks: 3 });
  });

  test("exactly 21 days is enough", () => {
    expect(forecastBaseline({ history: series(MONDAY, 3), window: ["2024-01-22"] }).kind).toBe("forecast");
  });

  test.each([
    ["a window overlapping the history", { history: series(MONDAY, 3), window: ["2024-01-21"] }],
    ["an empty window", { history: series(MONDAY, 3), window: [] }],
    ["a window day twice", { history: series(MONDAY, 3), window: ["2024-01-22", "2024-01-22"] }],
    ["a history day twice", { history: [...series(MONDAY, 3), { day: MONDAY, netMinor: 1 }], window: ["2024-01-22"] }],
    ["a malformed day", { history: series(MONDAY, 3), window: ["22/01/2024"] }],
    ["a float amount", { history: [{ day: MONDAY, netMinor: 0.5 }], window: ["2024-01-22"] }],
    ["rows after historyEnd", { history: series(MONDAY, 3), historyEnd: "2024-01-20", window: ["2024-01-22"] }],
    ["maxWeeks below 3", { history: series(MONDAY, 3), window: ["2024-01-22"], maxWeeks: 2 }],
    ["maxWeeks above 8", { history: series(MONDAY, 3), window: ["2024-01-22"], maxWeeks: 9 }],
  ])("refuses %s", (_label, input) => {
    expect(() => forecastBaseline(input)).toThrow(MetricsInputError);
  });
});

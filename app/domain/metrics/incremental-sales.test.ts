import { describe, expect, test } from "vitest";
import { MetricsInputError } from "./errors";
import { forecastBaseline, type DailyNet } from "./forecast-baseline";
import { incrementalSales } from "./incremental-sales";
import { dayFromSerial, daySerial } from "./internal/day";

const PATTERN = [1_000, 1_100, 1_200, 1_300, 1_500, 2_000, 1_800];
function series(start: string, weeks: number, perDay: (i: number) => number): DailyNet[] {
  return Array.from({ length: weeks * 7 }, (_, i) => ({ day: dayFromSerial(daySerial(start) + i), netMinor: perDay(i) }));
}
const flat = (i: number) => PATTERN[i % 7]!;
const noisy = (d: number) => (i: number) => PATTERN[i % 7]! + (Math.floor(i / 7) % 2 === 0 ? d : -d);
const lifted = (pct: number) => (i: number) => (PATTERN[i % 7]! * (100 + pct)) / 100;

describe("incrementalSales = window net sales − weekday baseline", () => {
  test("a known 20% lift on a noiseless pattern is recovered exactly", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 8, flat), window: series("2024-02-26", 2, flat).map((d) => d.day) });
    expect(incrementalSales(series("2024-02-26", 2, lifted(20)), baseline)).toEqual({
      verdict: "ok",
      reason: "interval_within_threshold",
      actualMinor: 23_760,
      forecastMinor: 19_800,
      incrementalMinor: 3_960,
      lowMinor: 3_960,
      highMinor: 3_960,
      lift: { kind: "value", value: 0.2 },
    });
  });

  test("with ±100 weekly noise the interval of a +1,000 lift is 1,000 ∓ 588", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 4, noisy(100)), window: series("2024-01-29", 1, flat).map((d) => d.day) });
    const actual = series("2024-01-29", 1, flat).map((d, i) => ({ ...d, netMinor: d.netMinor + (i === 5 ? 1_000 : 0) }));
    expect(incrementalSales(actual, baseline)).toMatchObject({
      verdict: "ok",
      actualMinor: 10_900,
      forecastMinor: 9_900,
      incrementalMinor: 1_000,
      lowMinor: 412,
      highMinor: 1_588,
    });
  });

  test("no lift: incremental is zero and the interval straddles it", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 4, noisy(100)), window: series("2024-01-29", 1, flat).map((d) => d.day) });
    expect(incrementalSales(series("2024-01-29", 1, flat), baseline)).toMatchObject({ incrementalMinor: 0, lowMinor: -588, highMinor: 588 });
  });

  test("a campaign that lost sales has negative incremental sales", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 8, flat), window: ["2024-02-26"] });
    expect(incrementalSales([{ day: "2024-02-26", netMinor: 500 }], baseline)).toMatchObject({
      incrementalMinor: -500,
      lift: { kind: "value", value: -0.5 },
    });
  });

  test("fewer than 3 full weeks of history: too short, and no numbers beyond the actual", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 2, flat), window: ["2024-01-15"] });
    expect(incrementalSales([{ day: "2024-01-15", netMinor: 5_000 }], baseline)).toEqual({
      verdict: "too_short",
      reason: "history_shorter_than_min_weeks",
      actualMinor: 5_000,
      forecastMinor: null,
      incrementalMinor: null,
      lowMinor: null,
      highMinor: null,
      lift: { kind: "undefined", reason: "no_forecast" },
    });
  });

  test.each([
    // ±1,000 noise around ~1,400 a day: half-width 5,878 against a 9,900 forecast is within 1×, outside 0.5×
    ["half-width within the forecast is ok", 1_000, undefined, "ok"],
    ["a stricter threshold calls the same baseline too noisy", 1_000, 0.5, "too_noisy"],
    // ±3,000 noise: half-width 17,635 > 9,900
    ["half-width larger than the forecast is too noisy", 3_000, undefined, "too_noisy"],
  ])("%s", (_label, noise, threshold, verdict) => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 4, noisy(noise)), window: series("2024-01-29", 1, flat).map((d) => d.day) });
    const result = incrementalSales(series("2024-01-29", 1, flat), baseline, threshold === undefined ? {} : { maxHalfWidthToForecast: threshold });
    expect(result.verdict).toBe(verdict);
    expect(result.reason).toBe(verdict === "ok" ? "interval_within_threshold" : "interval_wider_than_threshold");
  });

  test("a shop with no sales before: the lift is undefined but incremental is the whole actual", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 3, () => 0), window: ["2024-01-22"] });
    expect(incrementalSales([{ day: "2024-01-22", netMinor: 12_800 }], baseline)).toMatchObject({
      verdict: "ok",
      incrementalMinor: 12_800,
      lift: { kind: "undefined", reason: "no_forecast" },
    });
  });

  test("a refund-heavy history with a negative forecast gives no lift", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 3, () => -100), window: ["2024-01-22"] });
    expect(incrementalSales([{ day: "2024-01-22", netMinor: 100 }], baseline)).toMatchObject({
      forecastMinor: -100,
      incrementalMinor: 200,
      lift: { kind: "undefined", reason: "no_forecast" },
    });
  });

  test("window days without a row count as zero sales", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 8, flat), window: ["2024-02-26", "2024-02-27"] });
    expect(incrementalSales([{ day: "2024-02-27", netMinor: 1_100 }], baseline)).toMatchObject({ actualMinor: 1_100, incrementalMinor: -1_000 });
  });

  test("JPY: ¥ amounts go through unchanged", () => {
    const baseline = forecastBaseline({ history: series("2024-01-01", 3, () => 12_800), window: ["2024-01-22"] });
    expect(incrementalSales([{ day: "2024-01-22", netMinor: 15_360 }], baseline)).toMatchObject({
      forecastMinor: 12_800,
      incrementalMinor: 2_560,
      lift: { kind: "value", value: 0.2 },
    });
  });

  const baseline = forecastBaseline({ history: series("2024-01-01", 8, flat), window: ["2024-02-26"] });
  test.each([
    ["an actual day outside the window", [{ day: "2024-02-27", netMinor: 1 }], {}],
    ["an actual day twice", [{ day: "2024-02-26", netMinor: 1 }, { day: "2024-02-26", netMinor: 1 }], {}],
    ["a float amount", [{ day: "2024-02-26", netMinor: 1.5 }], {}],
    ["a zero threshold", [], { maxHalfWidthToForecast: 0 }],
  ])("refuses %s", (_label, actual, options) => {
    expect(() => incrementalSales(actual, baseline, options)).toThrow(MetricsInputError);
  });
});

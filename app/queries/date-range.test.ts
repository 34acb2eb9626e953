import { describe, expect, test } from "vitest";
import { DateRangeError, overlapDays, periodInstants, resolveDateRange, type RangePreset } from "./date-range";

describe("resolveDateRange", () => {
  test.each<[string, RangePreset, string, string, string, number, string, string]>([
    ["last 7 days include today", "last7", "2024-03-10", "2024-03-04", "2024-03-10", 7, "2024-02-26", "2024-03-03"],
    ["last 30 days cross a leap February", "last30", "2024-03-10", "2024-02-10", "2024-03-10", 30, "2024-01-11", "2024-02-09"],
    ["last 90 days cross a year end", "last90", "2024-01-15", "2023-10-18", "2024-01-15", 90, "2023-07-20", "2023-10-17"],
    ["month to date starts on the 1st", "mtd", "2024-03-10", "2024-03-01", "2024-03-10", 10, "2024-02-20", "2024-02-29"],
    ["month to date on the 1st is one day", "mtd", "2024-05-01", "2024-05-01", "2024-05-01", 1, "2024-04-30", "2024-04-30"],
  ])("%s", (_label, preset, today, from, to, days, prevFrom, prevTo) => {
    expect(resolveDateRange({ preset }, today)).toEqual({ preset, from, to, days, previous: { from: prevFrom, to: prevTo } });
  });

  test("a custom period is compared with as many days just before it", () => {
    expect(resolveDateRange({ preset: "custom", from: "2024-01-01", to: "2024-01-31" }, "2024-06-01")).toEqual({
      preset: "custom",
      from: "2024-01-01",
      to: "2024-01-31",
      days: 31,
      previous: { from: "2023-12-01", to: "2023-12-31" },
    });
  });

  test.each<[string, { from?: string; to?: string }, DateRangeError["code"]]>([
    ["a custom period without its end", { from: "2024-01-01" }, "missing_custom"],
    ["a custom period with no ends", {}, "missing_custom"],
    ["an impossible day", { from: "2023-02-29", to: "2023-03-01" }, "invalid_day"],
    ["a day written another way", { from: "01/02/2024", to: "2024-03-01" }, "invalid_day"],
    ["the end before the start", { from: "2024-02-01", to: "2024-01-31" }, "reversed"],
    ["more than 731 days", { from: "2020-01-01", to: "2022-01-02" }, "too_long"],
  ])("refuses %s", (_label, ends, code) => {
    let error: unknown;
    try {
      resolveDateRange({ preset: "custom", ...ends }, "2024-06-01");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DateRangeError);
    expect((error as DateRangeError).code).toBe(code);
  });

  test("exactly 731 days is allowed", () => {
    expect(resolveDateRange({ preset: "custom", from: "2020-01-01", to: "2021-12-31" }, "2024-06-01").days).toBe(731);
  });
});

describe("periodInstants", () => {
  test.each([
    ["Paris in winter: midnight is 23:00 UTC the day before", "Europe/Paris", "2024-01-01", "2024-01-31", "2023-12-31T23:00:00.000Z", "2024-01-31T23:00:00.000Z"],
    ["the spring-forward month in New York", "America/New_York", "2024-03-01", "2024-03-31", "2024-03-01T05:00:00.000Z", "2024-04-01T04:00:00.000Z"],
    ["one day in Tokyo", "Asia/Tokyo", "2024-06-01", "2024-06-01", "2024-05-31T15:00:00.000Z", "2024-06-01T15:00:00.000Z"],
  ])("%s", (_label, zone, from, to, start, end) => {
    const r = periodInstants({ from, to }, zone);
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual([start, end]);
  });
});

describe("overlapDays", () => {
  test.each([
    ["identical periods", { from: "2024-01-01", to: "2024-01-10" }, { from: "2024-01-01", to: "2024-01-10" }, 10],
    ["touching on one day", { from: "2024-01-01", to: "2024-01-10" }, { from: "2024-01-10", to: "2024-01-20" }, 1],
    ["disjoint", { from: "2024-01-01", to: "2024-01-10" }, { from: "2024-01-11", to: "2024-01-20" }, 0],
    ["one inside the other", { from: "2024-01-01", to: "2024-12-31" }, { from: "2024-02-01", to: "2024-02-29" }, 29],
  ])("%s", (_label, a, b, days) => {
    expect(overlapDays(a, b)).toBe(days);
    expect(overlapDays(b, a)).toBe(days);
  });
});

import { describe, expect, test } from "vitest";
import { addDays, dayRange, daysBetween, weekday } from "./day-arithmetic";
import { InvalidDayError } from "./errors";

describe("addDays", () => {
  test.each([
    ["next day", "2024-01-01", 1, "2024-01-02"],
    ["same day", "2024-01-01", 0, "2024-01-01"],
    ["crosses a month end", "2024-01-31", 1, "2024-02-01"],
    ["into a leap day", "2024-02-28", 1, "2024-02-29"],
    ["over a non-leap February", "2023-02-28", 1, "2023-03-01"],
    ["crosses a year end", "2021-12-31", 1, "2022-01-01"],
    ["back across a year", "2022-01-01", -1, "2021-12-31"],
    ["a 30-day window back", "2024-03-31", -30, "2024-03-01"],
    ["across the US spring-forward date: day keys have no DST", "2024-03-09", 2, "2024-03-11"],
    ["across the European fall-back date", "2024-10-26", 2, "2024-10-28"],
    ["a year of days", "2024-01-01", 366, "2025-01-01"],
  ])("%s", (_label, day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  test.each([
    ["a fractional offset", "2024-01-01", 1.5],
    ["a NaN offset", "2024-01-01", Number.NaN],
    ["a malformed day", "2024-1-1", 1],
    ["an impossible day", "2023-02-29", 1],
    ["a month 13", "2024-13-01", 1],
    ["a timestamp instead of a day", "2024-01-01T00:00:00Z", 1],
    ["a result past year 9999", "9999-12-31", 1],
  ])("rejects %s", (_label, day, n) => {
    expect(() => addDays(day, n)).toThrow(InvalidDayError);
  });
});

describe("daysBetween", () => {
  test.each([
    ["same day", "2024-01-01", "2024-01-01", 0],
    ["January", "2024-01-01", "2024-01-31", 30],
    ["backwards is negative", "2024-01-31", "2024-01-01", -30],
    ["leap February", "2024-02-01", "2024-03-01", 29],
    ["common February", "2023-02-01", "2023-03-01", 28],
    ["across spring-forward", "2024-03-09", "2024-03-11", 2],
    ["a leap year", "2024-01-01", "2025-01-01", 366],
  ])("%s", (_label, a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  test("rejects a malformed day", () => {
    expect(() => daysBetween("2024-01-01", "20240102")).toThrow(InvalidDayError);
  });
});

describe("weekday", () => {
  test.each([
    ["Sunday is 0", "2024-06-02", 0],
    ["Monday is 1", "2024-06-03", 1],
    ["Saturday is 6", "2024-06-08", 6],
    ["a leap day (Thursday)", "2024-02-29", 4],
    ["Shopify's sample order day (Friday)", "2021-12-31", 5],
    ["the Unix epoch (Thursday)", "1970-01-01", 4],
  ])("%s", (_label, day, expected) => {
    expect(weekday(day)).toBe(expected);
  });

  test("rejects an impossible day", () => {
    expect(() => weekday("2024-02-30")).toThrow(InvalidDayError);
  });
});

describe("dayRange", () => {
  test.each([
    ["a single day", "2024-01-01", "2024-01-01", ["2024-01-01"]],
    ["both ends included", "2024-01-30", "2024-02-02", ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"]],
    ["across a leap day", "2024-02-28", "2024-03-01", ["2024-02-28", "2024-02-29", "2024-03-01"]],
    ["an inverted range is empty", "2024-01-02", "2024-01-01", []],
  ])("%s", (_label, from, to, expected) => {
    expect(dayRange(from, to)).toEqual(expected);
  });

  test("a full year has 366 days in a leap year", () => {
    const days = dayRange("2024-01-01", "2024-12-31");
    expect(days).toHaveLength(366);
    expect(days.at(-1)).toBe("2024-12-31");
  });

  test.each([
    ["a malformed end", "2024-01-01", "2024/01/02"],
    ["a range over fifty years", "1900-01-01", "2024-01-01"],
  ])("rejects %s", (_label, from, to) => {
    expect(() => dayRange(from, to)).toThrow(InvalidDayError);
  });
});

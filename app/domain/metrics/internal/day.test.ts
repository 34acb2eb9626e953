import { describe, expect, test } from "vitest";
import { MetricsInputError } from "../errors";
import { dayFromSerial, daySerial, isLastDayOfMonth, monthKey, monthOrdinal, weekdayIndex } from "./day";

describe("day arithmetic on shop-zone day strings", () => {
  test.each([
    ["the epoch", "1970-01-01", 0, 3],
    ["a Monday", "2024-01-01", 19_723, 0],
    ["a leap day (Thursday)", "2024-02-29", 19_782, 3],
    ["a Sunday", "2024-02-25", 19_778, 6],
  ])("%s", (_label, day, serial, weekday) => {
    expect(daySerial(day)).toBe(serial);
    expect(dayFromSerial(serial)).toBe(day);
    expect(weekdayIndex(serial)).toBe(weekday);
  });

  test("days before the epoch still get the right weekday", () => {
    expect(weekdayIndex(daySerial("1969-12-29"))).toBe(0);
  });

  test.each([
    ["February 29 of a common year", "2023-02-29"],
    ["a month 13", "2024-13-01"],
    ["a missing zero pad", "2024-1-01"],
    ["an instant instead of a day", "2024-01-01T00:00:00Z"],
    ["an empty string", ""],
  ])("%s is refused", (_label, day) => {
    expect(() => daySerial(day)).toThrow(MetricsInputError);
  });

  test.each([
    ["mid-month", "2024-03-15", "2024-03", 2024 * 12 + 2, false],
    ["the end of a leap February", "2024-02-29", "2024-02", 2024 * 12 + 1, true],
    ["New Year's Eve", "2023-12-31", "2023-12", 2023 * 12 + 11, true],
  ])("month helpers: %s", (_label, day, key, ordinal, last) => {
    expect(monthKey(day)).toBe(key);
    expect(monthOrdinal(day)).toBe(ordinal);
    expect(isLastDayOfMonth(day)).toBe(last);
  });
});

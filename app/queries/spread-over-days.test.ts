import { describe, expect, test } from "vitest";
import { dayRange } from "~/domain/dates";
import { allocateMinor } from "~/domain/money";
import { spreadOverDays } from "./spread-over-days";

const jan = { from: "2024-01-01", to: "2024-01-10" };

describe("spreadOverDays", () => {
  test.each([
    ["the whole window gets the whole amount", 1_000, jan, jan, 1_000],
    ["a period covering more than the window gets the whole amount", 1_001, jan, { from: "2023-12-01", to: "2024-02-01" }, 1_001],
    ["one day of ten of 1,000 is 100", 1_000, jan, { from: "2024-01-05", to: "2024-01-05" }, 100],
    ["leftover units go to the earliest days: day 1 of 1,003 over 10 is 101", 1_003, jan, { from: "2024-01-01", to: "2024-01-01" }, 101],
    ["… day 3 is 101, day 4 is 100", 1_003, jan, { from: "2024-01-03", to: "2024-01-04" }, 201],
    ["a period before the window gets nothing", 1_000, jan, { from: "2023-12-01", to: "2023-12-31" }, 0],
    ["a period after the window gets nothing", 1_000, jan, { from: "2024-01-11", to: "2024-02-01" }, 0],
    ["an amount smaller than the days: 3 over 10 lands on the first 3 days", 3, jan, { from: "2024-01-03", to: "2024-01-10" }, 1],
    ["a negative amount mirrors the positive split", -1_003, jan, { from: "2024-01-01", to: "2024-01-02" }, -202],
    ["zero is zero", 0, jan, jan, 0],
    ["a one-day window", 777, { from: "2024-03-01", to: "2024-03-01" }, { from: "2024-02-01", to: "2024-03-31" }, 777],
  ])("%s", (_label, total, window, period, expected) => {
    expect(spreadOverDays(total, window, period)).toBe(expected);
  });

  test.each([
    [1_003, 10],
    [99_999, 31],
    [-12_345, 17],
    [5, 365],
    [1, 2],
  ])("matches allocateMinor day by day for %i over %i days", (total, days) => {
    const window = { from: "2024-01-01", to: dayRange("2024-01-01", "2030-01-01")[days - 1]! };
    const allocation = allocateMinor(total, Array.from({ length: days }, () => 1));
    const list = dayRange(window.from, window.to);
    list.forEach((day, i) => expect(spreadOverDays(total, window, { from: day, to: day })).toBe(allocation[i]));
    // Adjacent periods add up to the whole.
    const middle = list[Math.floor(days / 2)]!;
    const firstHalf = spreadOverDays(total, window, { from: window.from, to: middle });
    const secondHalf = spreadOverDays(total, window, { from: list[Math.floor(days / 2) + 1] ?? "2099-01-01", to: window.to });
    expect(firstHalf + secondHalf).toBe(total);
  });

  test("refuses a fractional amount and an empty window", () => {
    expect(() => spreadOverDays(10.5, jan, jan)).toThrow();
    expect(() => spreadOverDays(10, { from: "2024-01-02", to: "2024-01-01" }, jan)).toThrow(RangeError);
  });
});

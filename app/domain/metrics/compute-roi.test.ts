import { expect, test } from "vitest";
import { computeRoi } from "./compute-roi";
import { MetricsInputError } from "./errors";

test.each([
  ["profit 650.00 on cost 500.00 returns 30%", 65_000, 50_000, 0.3],
  ["profit below cost is a loss", 20_000, 50_000, -0.6],
  ["no profit loses the whole cost", 0, 1_000, -1],
  ["negative profit loses more than the cost", -1_200, 1_000, -2.2],
  ["JPY: ¥4,032 profit on ¥36,740", 4_032, 36_740, (4_032 - 36_740) / 36_740],
])("ROI: %s", (_label, grossProfitMinor, costMinor, expected) => {
  expect(computeRoi({ grossProfitMinor, costMinor })).toEqual({ kind: "value", value: expected });
});

test.each([
  ["no cost", 5_000, 0, "no_cost"],
  ["negative cost", 5_000, -1, "negative_cost"],
])("ROI undefined with %s", (_label, grossProfitMinor, costMinor, reason) => {
  expect(computeRoi({ grossProfitMinor, costMinor })).toEqual({ kind: "undefined", reason });
});

test("refuses a float profit", () => {
  expect(() => computeRoi({ grossProfitMinor: 1.5, costMinor: 1 })).toThrow(MetricsInputError);
});

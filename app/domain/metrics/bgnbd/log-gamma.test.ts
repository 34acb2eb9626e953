import { expect, test } from "vitest";
import { logBeta, logGamma } from "./log-gamma";

test.each([
  ["Γ(1) = 1", 1, 0],
  ["Γ(2) = 1", 2, 0],
  ["Γ(½) = √π", 0.5, 0.5723649429247001],
  ["Γ(10) = 9!", 10, Math.log(362_880)],
  ["Γ(0.1), through the reflection formula", 0.1, 2.252712651734206],
  ["Γ(100)", 100, 359.1342053695754],
  ["Γ(0.243), the CDNOW r", 0.243, 1.3180435846996699],
])("logGamma: %s", (_label, x, expected) => {
  expect(logGamma(x)).toBeCloseTo(expected, 6);
});

test("logBeta(2, 3) = ln(1/12)", () => {
  expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
});

test.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY]])("logGamma(%s) is refused", (x) => {
  expect(() => logGamma(x)).toThrow(RangeError);
});

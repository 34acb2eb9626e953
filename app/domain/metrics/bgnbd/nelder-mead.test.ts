import { expect, test } from "vitest";
import { nelderMead } from "./nelder-mead";

test.each([
  ["a shifted bowl", (x: readonly number[]) => (x[0]! - 3) ** 2 + 2 * (x[1]! + 1) ** 2, [0, 0], [3, -1]],
  ["Rosenbrock's banana from (−1.2, 1)", (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], [1, 1]],
  ["one dimension", (x: readonly number[]) => Math.abs(x[0]! - 0.25), [5], [0.25]],
  ["a function undefined on part of the space", (x: readonly number[]) => (x[0]! <= 0 ? Number.NaN : x[0]! - Math.log(x[0]!)), [3], [1]],
])("finds the minimum of %s", (_label, f, x0, expected) => {
  const result = nelderMead(f, x0);
  expect(result.converged).toBe(true);
  result.x.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
});

test("stops at maxIterations and says it did not converge", () => {
  const result = nelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], { maxIterations: 5 });
  expect([result.iterations, result.converged]).toEqual([5, false]);
});

test("refuses zero dimensions", () => {
  expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
});

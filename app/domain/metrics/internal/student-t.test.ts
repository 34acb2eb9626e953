import { expect, test } from "vitest";
import { studentT95 } from "./student-t";

test.each([
  ["one degree of freedom (table)", 1, 6.314, 3],
  ["14 degrees: three full weeks less seven weekday means", 14, 1.761, 3],
  ["30 degrees, the last tabled value", 30, 1.697, 3],
  ["49 degrees: eight weeks, from the expansion", 49, 1.6766, 3],
  ["120 degrees", 120, 1.6577, 3],
  ["a huge sample tends to the normal quantile", 1_000_000, 1.64485, 4],
])("%s", (_label, df, expected, digits) => {
  expect(studentT95(df)).toBeCloseTo(expected, digits);
});

test.each([[0], [2.5]])("df %s is refused", (df) => {
  expect(() => studentT95(df)).toThrow(RangeError);
});

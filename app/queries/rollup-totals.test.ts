import { expect, test } from "vitest";
import { addInto, emptyTotals, ROLLUP_MEASURES, sumTotals } from "./rollup-totals";

test("zero totals have every measure, and addition covers every measure", () => {
  expect(Object.keys(emptyTotals()).sort()).toEqual([...ROLLUP_MEASURES].sort());
  const one = Object.fromEntries(ROLLUP_MEASURES.map((m, i) => [m, i + 1])) as ReturnType<typeof emptyTotals>;
  const sum = addInto(addInto(emptyTotals(), one), one);
  for (const [i, m] of ROLLUP_MEASURES.entries()) expect(sum[m]).toBe(2 * (i + 1));
  expect(sumTotals([one, one, one]).netMinor).toBe(3 * (ROLLUP_MEASURES.indexOf("netMinor") + 1));
  expect(sumTotals([])).toEqual(emptyTotals());
});

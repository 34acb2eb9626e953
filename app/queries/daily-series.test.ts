import { expect, test } from "vitest";
import { dailySeries } from "./daily-series";
import { emptyTotals } from "./rollup-totals";

test.each([
  [
    "days without rows are zero; orders are credit-weighted",
    [{ day: "2024-03-02", totals: { ...emptyTotals(), netMinor: 1_500, orderCreditPpm: 1_500_000 } }],
    [
      { day: "2024-03-01", netMinor: 0, orders: 0 },
      { day: "2024-03-02", netMinor: 1_500, orders: 1.5 },
      { day: "2024-03-03", netMinor: 0, orders: 0 },
    ],
  ],
  [
    "rows outside the period are ignored",
    [{ day: "2024-02-29", totals: { ...emptyTotals(), netMinor: 9 } }],
    [
      { day: "2024-03-01", netMinor: 0, orders: 0 },
      { day: "2024-03-02", netMinor: 0, orders: 0 },
      { day: "2024-03-03", netMinor: 0, orders: 0 },
    ],
  ],
])("%s", (_label, rows, expected) => {
  expect(dailySeries({ from: "2024-03-01", to: "2024-03-03" }, rows)).toEqual(expected);
});

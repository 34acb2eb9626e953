import { describe, expect, test } from "vitest";
import { orderCogs } from "./order-cogs";

const line = (quantity: number, priceMinor: number, discountMinor: number, unitCostMinor?: number | null) => ({
  quantity,
  priceMinor,
  discountMinor,
  unitCostMinor,
});

describe("orderCogs", () => {
  test.each([
    ["no lines: nothing known", [], { cogsMinor: 0, cogsCoveredMinor: 0 }],
    ["webhook lines carry no cost: nothing known", [line(2, 5000, 0), line(1, 1000, 100, null)], { cogsMinor: 0, cogsCoveredMinor: 0 }],
    ["one costed line of 3 units, 10.00 discount on the line", [line(3, 2500, 1000, 800)], { cogsMinor: 2400, cogsCoveredMinor: 6500 }],
    [
      "only the costed line counts; the other is left to the default margin",
      [line(1, 10000, 0, 4000), line(2, 3000, 500)],
      { cogsMinor: 4000, cogsCoveredMinor: 10000 },
    ],
    ["a free sample with a cost: cost counted, nothing covered", [line(1, 0, 0, 350)], { cogsMinor: 350, cogsCoveredMinor: 0 }],
    ["a zero cost is a known cost", [line(4, 1250, 0, 0)], { cogsMinor: 0, cogsCoveredMinor: 5000 }],
  ])("%s", (_label, lines, expected) => {
    expect(orderCogs(lines)).toEqual(expected);
  });

  test("a fractional unit cost is refused", () => {
    expect(() => orderCogs([line(1, 100, 0, 12.5)])).toThrow(/safe integer/);
  });
});

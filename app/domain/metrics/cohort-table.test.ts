import { describe, expect, test } from "vitest";
import { cohortTable, type CohortTableCustomer } from "./cohort-table";
import { MetricsInputError } from "./errors";

const customers: CohortTableCustomer[] = [
  {
    acquiredDay: "2024-01-10",
    orders: [
      { day: "2024-01-10", netMinor: 5_000 },
      { day: "2024-01-25", netMinor: 2_000 },
      { day: "2024-03-02", netMinor: 3_000 },
    ],
  },
  // acquired on the 31st: the next day is already month 1
  { acquiredDay: "2024-01-31", orders: [{ day: "2024-01-31", netMinor: 4_000 }, { day: "2024-02-01", netMinor: 1_000 }] },
  {
    acquiredDay: "2024-02-14",
    orders: [
      { day: "2024-02-14", netMinor: 6_000 },
      { day: "2024-02-20", netMinor: -1_500 }, // refund bucket
      { day: "2024-03-20", netMinor: 9_999 }, // after asOf: ignored
    ],
  },
  { acquiredDay: "2024-04-01", orders: [{ day: "2024-04-01", netMinor: 7_777 }] }, // acquired after asOf: ignored
];

const cell = (
  monthsSinceAcquisition: number,
  activeCustomers: number,
  retention: number,
  netMinor: number,
  cumulativeNetMinor: number,
  cumulativeNetPerCustomerMinor: number,
  partial = false,
) => ({ monthsSinceAcquisition, activeCustomers, retention, netMinor, cumulativeNetMinor, cumulativeNetPerCustomerMinor, partial });

describe("cohortTable", () => {
  test("cohorts by acquisition month with months-since-acquisition columns up to asOf", () => {
    expect(cohortTable(customers, "2024-03-15")).toEqual([
      {
        cohortMonth: "2024-01",
        customers: 2,
        cells: [cell(0, 2, 1, 11_000, 11_000, 5_500), cell(1, 1, 0.5, 1_000, 12_000, 6_000), cell(2, 1, 0.5, 3_000, 15_000, 7_500, true)],
      },
      { cohortMonth: "2024-02", customers: 1, cells: [cell(0, 1, 1, 4_500, 4_500, 4_500), cell(1, 0, 0, 0, 4_500, 4_500, true)] },
    ]);
  });

  test.each([
    ["asOf on the month's last day: the last column is complete", "2024-03-31", false],
    ["asOf mid-month: the last column is partial", "2024-03-30", true],
  ])("%s", (_label, asOf, partial) => {
    const rows = cohortTable(customers, asOf);
    expect(rows.map((r) => r.cells.at(-1)?.partial)).toEqual([partial, partial]);
  });

  test("March 20 order counts once asOf reaches it", () => {
    const feb = cohortTable(customers, "2024-03-31").find((r) => r.cohortMonth === "2024-02");
    expect(feb?.cells[1]).toEqual(cell(1, 1, 1, 9_999, 14_499, 14_499));
  });

  test("cumulative net per customer rounds to whole minor units (10,000 / 3 → 3,333)", () => {
    const three = ["2024-01-01", "2024-01-02", "2024-01-03"].map((d, i) => ({
      acquiredDay: d,
      orders: [{ day: d, netMinor: i === 0 ? 10_000 : 0 }],
    }));
    expect(cohortTable(three, "2024-01-31")[0]?.cells[0]?.cumulativeNetPerCustomerMinor).toBe(3_333);
  });

  test("a cohort whose refunds exceed its sales goes negative", () => {
    const rows = cohortTable(
      [{ acquiredDay: "2024-01-05", orders: [{ day: "2024-01-05", netMinor: 1_000 }, { day: "2024-02-02", netMinor: -3_000 }] }],
      "2024-02-29",
    );
    expect(rows[0]?.cells.map((c) => c.cumulativeNetMinor)).toEqual([1_000, -2_000]);
  });

  test("a year-crossing cohort counts calendar months", () => {
    const rows = cohortTable([{ acquiredDay: "2023-12-31", orders: [{ day: "2024-02-01", netMinor: 100 }] }], "2024-02-01");
    expect(rows[0]?.cells.map((c) => [c.monthsSinceAcquisition, c.netMinor])).toEqual([[0, 0], [1, 0], [2, 100]]);
  });

  test("no customers, no rows", () => {
    expect(cohortTable([], "2024-03-15")).toEqual([]);
  });

  test.each([
    ["a malformed asOf", customers, "2024-3-15"],
    ["a malformed acquisition day", [{ acquiredDay: "2024-02-30", orders: [] }], "2024-03-15"],
    ["a float order amount", [{ acquiredDay: "2024-02-01", orders: [{ day: "2024-02-01", netMinor: 1.5 }] }], "2024-03-15"],
  ])("refuses %s", (_label, list, asOf) => {
    expect(() => cohortTable(list, asOf)).toThrow(MetricsInputError);
  });
});

import { describe, expect, test } from "vitest";
import { buildCohortSnapshotData, parseCohortSnapshotData, type SnapshotCustomer } from "./cohort-snapshot-data";

const at = (iso: string) => new Date(iso);
const customer = (acquired: string, orders: [string, number][]): SnapshotCustomer => ({
  acquiredAt: at(acquired),
  acquiredDay: acquired.slice(0, 10),
  orders: orders.map(([iso, netMinor]) => ({ at: at(iso), day: iso.slice(0, 10), netMinor })),
});

describe("buildCohortSnapshotData", () => {
  const asOf = at("2024-06-30T00:00:00Z");
  const customers = [
    // Acquired in January, repeats after 20 days and after 100 days.
    customer("2024-01-01T10:00:00Z", [["2024-01-01T10:00:00Z", 5_000], ["2024-01-21T10:00:00Z", 3_000], ["2024-04-10T10:00:00Z", 2_000]]),
    // Acquired in January, never comes back.
    customer("2024-01-15T10:00:00Z", [["2024-01-15T10:00:00Z", 4_000]]),
    // Acquired in June: too young for 30 days.
    customer("2024-06-20T10:00:00Z", [["2024-06-20T10:00:00Z", 9_000]]),
  ];
  const data = buildCohortSnapshotData(customers, asOf, "2024-06-30", { cohorts: true });

  test.each([
    // 30 days: the two January customers: (5,000 + 3,000 + 4,000) / 2.
    [30, { kind: "value", value: 6_000 }, 2],
    // 90 days: same customers, the April order is day 100.
    [90, { kind: "value", value: 6_000 }, 2],
    // 180 days: the customer of 15 January is not 180 days old yet; the other one alone, April order included.
    [180, { kind: "value", value: 10_000 }, 1],
    [365, { kind: "undefined", reason: "no_mature_customers" }, 0],
  ])("CLV at %i days", (days, clv, mature) => {
    expect(data.clv.find((p) => p.days === days)).toMatchObject({ clv, matureCustomers: mature });
  });

  test("repeat rates: one of the two mature customers came back within 30 days", () => {
    expect(data.repeat.map((r) => [r.days, r.repeatCustomers, r.eligibleCustomers])).toEqual([
      [30, 1, 2],
      [90, 1, 2],
      [180, 1, 1],
      [365, 0, 0],
    ]);
  });

  test("cohort table by acquisition month, through parse round trip", () => {
    const parsed = parseCohortSnapshotData(JSON.stringify(data));
    expect(parsed.cohorts.map((r) => [r.cohortMonth, r.customers, r.cells.length])).toEqual([
      ["2024-01", 2, 6],
      ["2024-06", 1, 1],
    ]);
    expect(parsed.cohorts[0]?.cells.map((c) => c.cumulativeNetMinor)).toEqual([12_000, 12_000, 12_000, 14_000, 14_000, 14_000]);
    expect(parsed).toEqual(data);
  });

  test("no customers: undefined CLV with a reason, no cohorts", () => {
    const empty = buildCohortSnapshotData([], asOf, "2024-06-30", { cohorts: false });
    expect(empty.clv.every((p) => p.clv.kind === "undefined" && p.clv.reason === "no_customers")).toBe(true);
    expect(empty.cohorts).toEqual([]);
  });

  test("a stored row of another shape is refused", () => {
    expect(() => parseCohortSnapshotData(JSON.stringify({ clv: "x" }))).toThrow();
  });
});

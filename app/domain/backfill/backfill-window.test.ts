import { describe, expect, test } from "vitest";
import { backfillWindow, parseScopes } from "./backfill-window";

const NOW = new Date("2026-11-27T10:00:00.000Z");

describe("backfillWindow", () => {
  test.each<[string, string[], { createdSince: string; allOrders: boolean } | null]>([
    ["read_all_orders imports the whole history", ["read_orders", "read_all_orders"], { createdSince: "1970-01-01T00:00:00.000Z", allOrders: true }],
    ["read_orders alone reaches 60 days back", ["read_discounts", "read_orders"], { createdSince: "2026-09-28T10:00:00.000Z", allOrders: false }],
    ["write_orders implies read_orders", ["write_orders"], { createdSince: "2026-09-28T10:00:00.000Z", allOrders: false }],
    ["no orders scope: nothing to import", ["read_discounts", "write_discounts"], null],
    ["no scope at all", [], null],
  ])("%s", (_label, scopes, expected) => {
    const window = backfillWindow(scopes, NOW);
    expect(window === null ? null : { createdSince: window.createdSince.toISOString(), allOrders: window.allOrders }).toEqual(expected);
  });

  test("an invalid clock is refused", () => {
    expect(() => backfillWindow(["read_orders"], new Date("nope"))).toThrow(RangeError);
  });
});

describe("parseScopes", () => {
  test.each<[string, string | null | undefined, string[]]>([
    ["a session's comma-separated scopes", "read_orders,write_discounts", ["read_orders", "write_discounts"]],
    ["spaces and empty entries are dropped", " read_orders , ,read_all_orders,", ["read_orders", "read_all_orders"]],
    ["no scope string", null, []],
    ["an empty scope string", "", []],
  ])("%s", (_label, scope, expected) => {
    expect(parseScopes(scope)).toEqual(expected);
  });
});

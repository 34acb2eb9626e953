import { describe, expect, test } from "vitest";
import { AttributionInputError } from "./errors";
import type { OrderRollupState } from "./rollup-delta";
import { parseRollupState, serializeRollupState } from "./rollup-state-json";

const state: OrderRollupState = {
  day: "2024-06-15",
  grossMinor: 10000,
  discountsMinor: 1000,
  cogsMinor: 2500,
  cogsCoveredMinor: 9000,
  credits: [{ creatorId: "anna", campaignId: null, ppm: 1_000_000, kind: "manual" }],
  customer: { customerType: "returning", cohort: "repeat", cohortCreatorId: "anna", cohortCampaignId: "summer" },
  refunds: [
    { shopifyRefundId: "gid://shopify/Refund/2", day: "2024-06-20", amountMinor: 300 },
    { shopifyRefundId: "gid://shopify/Refund/1", day: "2024-06-18", amountMinor: 200 },
  ],
};

describe("rollup state JSON", () => {
  test("round trip keeps every field; refunds come back sorted by id", () => {
    expect(parseRollupState(serializeRollupState(state))).toEqual({ ...state, refunds: [state.refunds[1], state.refunds[0]] });
  });

  test("equal states serialize identically whatever their key and refund order", () => {
    const shuffled = {
      refunds: [...state.refunds].reverse(),
      customer: { cohortCampaignId: "summer", cohortCreatorId: "anna", cohort: "repeat", customerType: "returning" },
      credits: state.credits,
      cogsCoveredMinor: 9000,
      cogsMinor: 2500,
      discountsMinor: 1000,
      grossMinor: 10000,
      day: "2024-06-15",
    } as OrderRollupState;
    expect(serializeRollupState(shuffled)).toBe(serializeRollupState(state));
  });

  test("missing cost of goods is stored as 0", () => {
    const { cogsMinor: _a, cogsCoveredMinor: _b, ...withoutCogs } = state;
    expect(parseRollupState(serializeRollupState(withoutCogs))).toMatchObject({ cogsMinor: 0, cogsCoveredMinor: 0 });
  });

  test("null means the order contributes nothing", () => {
    expect(serializeRollupState(null)).toBeNull();
    expect(parseRollupState(null)).toBeNull();
  });

  test.each([
    ["not JSON", "{"],
    ["a fractional amount", JSON.stringify({ ...state, grossMinor: 1.5 })],
    ["an unknown credit kind", JSON.stringify({ ...state, credits: [{ creatorId: "a", campaignId: null, ppm: 1, kind: "gift" }] })],
    ["no customer", JSON.stringify({ ...state, customer: undefined })],
  ])("a corrupt state is refused: %s", (_label, text) => {
    expect(() => parseRollupState(text)).toThrow(AttributionInputError);
  });
});

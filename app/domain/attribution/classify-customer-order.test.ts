import { describe, expect, test } from "vitest";
import { classifyCustomerOrder, type ClassifyCustomerOrderInput, type CustomerOrderClass } from "./classify-customer-order";
import { AttributionInputError } from "./errors";

const input = (changes: Partial<ClassifyCustomerOrderInput>): ClassifyCustomerOrderInput => ({
  priorOrdersInShop: 0,
  acquiredByCreatorId: null,
  creditedCreatorId: null,
  ...changes,
});

describe("classifyCustomerOrder", () => {
  test.each<[string, Partial<ClassifyCustomerOrderInput>, CustomerOrderClass]>([
    [
      "a first order credited to a creator: the creator acquired the customer",
      { priorOrdersInShop: 0, creditedCreatorId: "anna", creditedCampaignId: "summer" },
      { customerType: "new", cohort: "acquired", cohortCreatorId: "anna", cohortCampaignId: "summer" },
    ],
    [
      "a first order nobody is credited with: new customer of the shop",
      { priorOrdersInShop: 0 },
      { customerType: "new", cohort: "none", cohortCreatorId: null, cohortCampaignId: null },
    ],
    [
      "a later order without a code, of a customer Anna acquired: a repeat in Anna's cohort",
      { priorOrdersInShop: 1, acquiredByCreatorId: "anna", acquiredByCampaignId: "summer" },
      { customerType: "returning", cohort: "repeat", cohortCreatorId: "anna", cohortCampaignId: "summer" },
    ],
    [
      "a later order with Bob's code, of a customer Anna acquired: still Anna's cohort",
      { priorOrdersInShop: 4, acquiredByCreatorId: "anna", creditedCreatorId: "bob" },
      { customerType: "returning", cohort: "repeat", cohortCreatorId: "anna", cohortCampaignId: null },
    ],
    [
      "a returning customer credited to a creator is not acquired: they were already a customer",
      { priorOrdersInShop: 2, creditedCreatorId: "bob" },
      { customerType: "returning", cohort: "none", cohortCreatorId: null, cohortCampaignId: null },
    ],
    [
      "history from the backfill counts: a customer who bought before the app was installed is returning",
      { priorOrdersInShop: 12 },
      { customerType: "returning", cohort: "none", cohortCreatorId: null, cohortCampaignId: null },
    ],
    [
      "a first order ignores an acquirer left from an earlier, removed order",
      { priorOrdersInShop: 0, acquiredByCreatorId: "anna", creditedCreatorId: "bob" },
      { customerType: "new", cohort: "acquired", cohortCreatorId: "bob", cohortCampaignId: null },
    ],
    [
      "a guest checkout has no history to judge",
      { priorOrdersInShop: null, creditedCreatorId: "anna" },
      { customerType: "unknown", cohort: "none", cohortCreatorId: null, cohortCampaignId: null },
    ],
  ])("%s", (_label, changes, expected) => {
    expect(classifyCustomerOrder(input(changes))).toEqual(expected);
  });

  test.each([
    ["a negative count", -1],
    ["a fractional count", 1.5],
    ["NaN", Number.NaN],
  ])("rejects %s of prior orders", (_label, prior) => {
    expect(() => classifyCustomerOrder(input({ priorOrdersInShop: prior }))).toThrow(AttributionInputError);
  });
});

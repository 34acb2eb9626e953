import { describe, expect, test } from "vitest";
import { classifyCustomerHistory, type CustomerHistoryOrder } from "./classify-customer-history";

const order = (key: string, processedAt: string, main: CustomerHistoryOrder["main"], channel: Partial<CustomerHistoryOrder> = {}): CustomerHistoryOrder => ({
  key,
  processedAt,
  main,
  utmMedium: null,
  utmSource: null,
  referrer: null,
  ...channel,
});
const anna = { creatorId: "anna", campaignId: "summer" };
const bob = { creatorId: "bob", campaignId: null };

function summary(orders: CustomerHistoryOrder[]) {
  const history = classifyCustomerHistory(orders);
  return {
    orders: [...history.indexes.entries()].map(([key, index]) => {
      const c = history.classes.get(key)!;
      return `${index}:${key}:${c.customerType}/${c.cohort}/${c.cohortCreatorId ?? "-"}`;
    }),
    acquisition: history.acquisition,
  };
}

describe("classifyCustomerHistory", () => {
  test("no counted order: no acquisition", () => {
    expect(summary([])).toEqual({ orders: [], acquisition: null });
  });

  test.each([
    [
      "Anna's code acquires; the later order without code is a repeat in Anna's cohort",
      [order("o1", "2024-01-01T10:00:00Z", anna), order("o2", "2024-02-01T10:00:00Z", null)],
      ["1:o1:new/acquired/anna", "2:o2:returning/repeat/anna"],
      { firstOrderKey: "o1", firstOrderAt: "2024-01-01T10:00:00.000Z", acquiringCreatorId: "anna", acquiringCampaignId: "summer", acquisitionChannel: "creator" },
    ],
    [
      "arrival order does not matter: the later order listed first is still the repeat",
      [order("o2", "2024-02-01T10:00:00Z", bob), order("o1", "2024-01-01T10:00:00Z", anna)],
      ["1:o1:new/acquired/anna", "2:o2:returning/repeat/anna"],
      { firstOrderKey: "o1", firstOrderAt: "2024-01-01T10:00:00.000Z", acquiringCreatorId: "anna", acquiringCampaignId: "summer", acquisitionChannel: "creator" },
    ],
    [
      "a customer who first bought through search is nobody's cohort, even when a creator credits the second order",
      [order("o1", "2024-01-01T10:00:00Z", null, { referrer: "https://www.google.com/" }), order("o2", "2024-03-01T00:00:00Z", anna)],
      ["1:o1:new/none/-", "2:o2:returning/none/-"],
      { firstOrderKey: "o1", firstOrderAt: "2024-01-01T10:00:00.000Z", acquiringCreatorId: null, acquiringCampaignId: null, acquisitionChannel: "search" },
    ],
    [
      "two orders at the same instant: the smaller key is first",
      [order("b", "2024-01-01T10:00:00Z", bob), order("a", "2024-01-01T10:00:00Z", anna)],
      ["1:a:new/acquired/anna", "2:b:returning/repeat/anna"],
      { firstOrderKey: "a", firstOrderAt: "2024-01-01T10:00:00.000Z", acquiringCreatorId: "anna", acquiringCampaignId: "summer", acquisitionChannel: "creator" },
    ],
    [
      "a direct first order, no signal at all",
      [order("o1", "2024-05-05T05:05:05+02:00", null)],
      ["1:o1:new/none/-"],
      { firstOrderKey: "o1", firstOrderAt: "2024-05-05T03:05:05.000Z", acquiringCreatorId: null, acquiringCampaignId: null, acquisitionChannel: "direct" },
    ],
  ])("%s", (_label, orders, expectedOrders, acquisition) => {
    expect(summary(orders)).toEqual({ orders: expectedOrders, acquisition });
  });
});

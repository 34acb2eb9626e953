// Deterministic orders for the stand-in: order n is always the same, so tests and the demo can hand-compute totals.
import type { StandInMoneyBag, StandInOrder, StandInVisit } from "./state";

const HOUR_MS = 3_600_000;
const BASE_MS = Date.UTC(2026, 0, 1);

/** A MoneyBag with the same amount in shop and presentment currency. */
export function moneyBag(amount: string, currencyCode = "USD"): StandInMoneyBag {
  return { shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } };
}

/** A visit whose landing page carries the given UTMs (as Shopify parses them into utmParameters). */
export function visitWithUtm(
  occurredAt: string,
  utm: { source?: string; medium?: string; campaign?: string; content?: string; term?: string },
  landingPath = "/",
): StandInVisit {
  const params = new URLSearchParams();
  for (const key of ["source", "medium", "campaign", "content", "term"] as const) {
    const value = utm[key];
    if (value !== undefined) params.set(`utm_${key}`, value);
  }
  const query = params.toString();
  return {
    landingPage: `https://demo.creator-roi.example${landingPath}${query ? `?${query}` : ""}`,
    referrerUrl: null,
    occurredAt,
    utmParameters: {
      source: utm.source ?? null,
      medium: utm.medium ?? null,
      campaign: utm.campaign ?? null,
      content: utm.content ?? null,
      term: utm.term ?? null,
    },
  };
}

/**
 * Order number `sequence` (≥ 1): created 2026-01-01T00:00Z + sequence hours, updated 30 minutes later, two line items
 * (60.00 + 2 × 20.00 = 100.00 gross), 10.00 discount, 90.00 subtotal, 5.00 shipping, no tax, no refund.
 */
export function buildStandInOrder(sequence: number, overrides: Partial<StandInOrder> = {}): StandInOrder {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Order sequence must be a positive integer, got ${sequence}`);
  const currency = overrides.currencyCode ?? "USD";
  const createdAt = new Date(BASE_MS + sequence * HOUR_MS).toISOString().replace(".000Z", "Z");
  const updatedAt = new Date(BASE_MS + sequence * HOUR_MS + HOUR_MS / 2).toISOString().replace(".000Z", "Z");
  const orderNumber = 7_000_000_000 + sequence;
  const lineItemBase = 9_000_000_000 + sequence * 10;
  return {
    id: `gid://shopify/Order/${orderNumber}`,
    name: `#${1000 + sequence}`,
    createdAt,
    updatedAt,
    processedAt: createdAt,
    cancelledAt: null,
    test: false,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    sourceName: "web",
    customer: { id: `gid://shopify/Customer/${8_000_000_000 + (sequence % 97)}` },
    discountCodes: [],
    subtotalPriceSet: moneyBag("90.00", currency),
    totalDiscountsSet: moneyBag("10.00", currency),
    totalShippingPriceSet: moneyBag("5.00", currency),
    totalTaxSet: moneyBag("0.00", currency),
    totalRefundedSet: moneyBag("0.00", currency),
    refunds: [],
    customerJourneySummary: {
      ready: true,
      firstVisit: visitWithUtm(createdAt, { source: "instagram", medium: "social", campaign: "spring" }),
      lastVisit: visitWithUtm(createdAt, { source: "instagram", medium: "social", campaign: "spring" }),
    },
    lineItems: [
      { id: `gid://shopify/LineItem/${lineItemBase + 1}`, quantity: 1, originalTotalSet: moneyBag("60.00", currency) },
      { id: `gid://shopify/LineItem/${lineItemBase + 2}`, quantity: 2, originalTotalSet: moneyBag("40.00", currency) },
    ],
    ...overrides,
  };
}

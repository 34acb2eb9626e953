// The order fields shared by reconciliation (orders connection) and backfill (bulk export): both must yield the
// same ShopifyOrderNode, so that ingestion normalises an order the same way whichever road it came by.
//
// Money: every amount is Shopify's decimal string in shop currency (`shopMoney`); domain/money turns it into
// integer minor units. The Admin API Order has no line-items-before-discounts total that we could confirm for
// 2026-10 (the webhook's total_line_items_price), so gross is either subtotalPriceSet + totalDiscountsSet or, in
// the bulk export, the sum of the line items' originalTotalSet.
// Attribution: landing page, referrer and UTMs come from customerJourneySummary (first and last visit);
// Order.landingPageUrl / referrerUrl are deprecated in favour of it.
import { isRecord, type ShopifyMoneyBag } from "./graphql-shapes.server";
import { ShopifyUnexpectedResponseError } from "./shopify-errors.server";

const MONEY_BAG = `shopMoney { amount currencyCode }`;

const VISIT_FIELDS = `
        landingPage
        referrerUrl
        occurredAt
        utmParameters {
          source
          medium
          campaign
          content
          term
        }`;

/** The selection of one order, without braces, for `nodes { ... }` or `node { ... }`. */
export const ORDER_NODE_SELECTION = `
      id
      name
      createdAt
      updatedAt
      processedAt
      cancelledAt
      test
      currencyCode
      presentmentCurrencyCode
      sourceName
      customer {
        id
      }
      discountCodes
      subtotalPriceSet { ${MONEY_BAG} }
      totalDiscountsSet { ${MONEY_BAG} }
      totalShippingPriceSet { ${MONEY_BAG} }
      totalTaxSet { ${MONEY_BAG} }
      totalRefundedSet { ${MONEY_BAG} }
      refunds {
        id
        createdAt
        totalRefundedSet { ${MONEY_BAG} }
      }
      customerJourneySummary {
        ready
        firstVisit {${VISIT_FIELDS}
        }
        lastVisit {${VISIT_FIELDS}
        }
      }`;

export interface ShopifyUtmParameters {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
}

export interface ShopifyCustomerVisit {
  landingPage: string | null;
  referrerUrl: string | null;
  occurredAt: string;
  utmParameters: ShopifyUtmParameters | null;
}

export interface ShopifyRefund {
  id: string;
  createdAt: string | null;
  totalRefundedSet: ShopifyMoneyBag;
}

/** One order as both the orders connection and the bulk export return it. */
export interface ShopifyOrderNode {
  /** gid://shopify/Order/<n> */
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  test: boolean;
  /** Shop currency: the currency of every shopMoney below. */
  currencyCode: string;
  presentmentCurrencyCode: string;
  sourceName: string | null;
  customer: { id: string } | null;
  discountCodes: string[];
  // Shopify's schema lets these three be null (we could not confirm otherwise for 2026-10); null is kept, not zeroed.
  /** Line items after discounts, before returns. */
  subtotalPriceSet: ShopifyMoneyBag | null;
  totalDiscountsSet: ShopifyMoneyBag | null;
  totalTaxSet: ShopifyMoneyBag | null;
  totalShippingPriceSet: ShopifyMoneyBag;
  totalRefundedSet: ShopifyMoneyBag;
  refunds: ShopifyRefund[];
  /** Null when Shopify has no journey for the order (e.g. created in the admin or by an app). */
  customerJourneySummary: {
    ready: boolean;
    firstVisit: ShopifyCustomerVisit | null;
    lastVisit: ShopifyCustomerVisit | null;
  } | null;
}

function fail(operation: string, what: string): never {
  throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: order ${what}`, operation);
}

function str(o: Record<string, unknown>, key: string, operation: string): string {
  const v = o[key];
  if (typeof v !== "string") fail(operation, `field "${key}" is not a string`);
  return v;
}

function strOrNull(o: Record<string, unknown>, key: string, operation: string): string | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") fail(operation, `field "${key}" is not a string`);
  return v;
}

function moneyBag(o: Record<string, unknown>, key: string, operation: string): ShopifyMoneyBag {
  const bag = o[key];
  const money = isRecord(bag) ? bag.shopMoney : undefined;
  if (!isRecord(money) || typeof money.amount !== "string" || typeof money.currencyCode !== "string") {
    fail(operation, `field "${key}" is not a MoneyBag with shopMoney`);
  }
  return { shopMoney: { amount: money.amount, currencyCode: money.currencyCode } };
}

function moneyBagOrNull(o: Record<string, unknown>, key: string, operation: string): ShopifyMoneyBag | null {
  return o[key] === null || o[key] === undefined ? null : moneyBag(o, key, operation);
}

function visit(value: unknown, operation: string): ShopifyCustomerVisit | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) fail(operation, "customer visit is not an object");
  const utm = value.utmParameters;
  return {
    landingPage: strOrNull(value, "landingPage", operation),
    referrerUrl: strOrNull(value, "referrerUrl", operation),
    occurredAt: str(value, "occurredAt", operation),
    utmParameters: isRecord(utm)
      ? {
          source: strOrNull(utm, "source", operation),
          medium: strOrNull(utm, "medium", operation),
          campaign: strOrNull(utm, "campaign", operation),
          content: strOrNull(utm, "content", operation),
          term: strOrNull(utm, "term", operation),
        }
      : null,
  };
}

/** Check and copy one order as selected by ORDER_NODE_SELECTION; a wrong shape throws, it is never patched up. */
export function readOrderNode(value: unknown, operation: string): ShopifyOrderNode {
  if (!isRecord(value)) fail(operation, "is not an object");
  const id = str(value, "id", operation);
  if (!id.startsWith("gid://shopify/Order/")) fail(operation, `id "${id}" is not an Order GID`);
  if (typeof value.test !== "boolean") fail(operation, `${id} has no boolean "test"`);
  if (!Array.isArray(value.discountCodes) || !value.discountCodes.every((c) => typeof c === "string")) {
    fail(operation, `${id} has no discountCodes list`);
  }
  const customer = value.customer;
  const refunds = value.refunds;
  if (!Array.isArray(refunds)) fail(operation, `${id} has no refunds list`);
  const journey = value.customerJourneySummary;
  return {
    id,
    name: str(value, "name", operation),
    createdAt: str(value, "createdAt", operation),
    updatedAt: str(value, "updatedAt", operation),
    processedAt: str(value, "processedAt", operation),
    cancelledAt: strOrNull(value, "cancelledAt", operation),
    test: value.test,
    currencyCode: str(value, "currencyCode", operation),
    presentmentCurrencyCode: str(value, "presentmentCurrencyCode", operation),
    sourceName: strOrNull(value, "sourceName", operation),
    customer: isRecord(customer) ? { id: str(customer, "id", operation) } : null,
    discountCodes: value.discountCodes as string[],
    subtotalPriceSet: moneyBagOrNull(value, "subtotalPriceSet", operation),
    totalDiscountsSet: moneyBagOrNull(value, "totalDiscountsSet", operation),
    totalTaxSet: moneyBagOrNull(value, "totalTaxSet", operation),
    totalShippingPriceSet: moneyBag(value, "totalShippingPriceSet", operation),
    totalRefundedSet: moneyBag(value, "totalRefundedSet", operation),
    refunds: refunds.map((refund): ShopifyRefund => {
      if (!isRecord(refund)) fail(operation, `${id} has a refund that is not an object`);
      return {
        id: str(refund, "id", operation),
        createdAt: strOrNull(refund, "createdAt", operation),
        totalRefundedSet: moneyBag(refund, "totalRefundedSet", operation),
      };
    }),
    customerJourneySummary: isRecord(journey)
      ? {
          ready: journey.ready === true,
          firstVisit: visit(journey.firstVisit, operation),
          lastVisit: visit(journey.lastVisit, operation),
        }
      : null,
  };
}

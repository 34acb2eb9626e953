// Reconciliation (orders connection) and backfill (bulk export) bring an order as an Admin GraphQL node, not as a
// webhook body. Ingestion must store it exactly as if the webhook had brought it, so this turns the node into the
// same NormalizedOrder, plus the customer journey that only the GraphQL road carries.
//
// What the node does not say, and how it is filled:
// - Gross (line prices before discounts): the sum of the line items' originalTotalSet when the bulk export gives
//   them; otherwise subtotal (after discounts) + total discounts. The second form counts shipping discounts as
//   merchandise discounts (the node has no shipping lines to tell them apart), which inflates gross and discounts
//   by the same amount: net sales (gross − discounts = subtotal) stay exact.
// - Refunds: only their total (shipping and taxes refunded included) is selected, so a node's refund counts its
//   whole total as merchandise; the refunds/create webhook carries the exact split.
// - A null totalTaxSet is read as no tax (taxes are outside net sales); a null subtotal or discounts is used
//   only when the other figures determine the amounts, else the order is refused.
// - current_* amounts, total price, product and variant ids are not selected: null.
import { toIsoUtc } from "~/domain/dates";
import { parseDecimalToMinor } from "~/domain/money";
import { ShopifyPayloadError } from "./errors";
import { normalizeCode } from "./normalize-code";
import type { NormalizedJourneyVisit, NormalizedLineItem, NormalizedOrder, NormalizedRefund } from "./normalized-types";
import { EMPTY_UTM, parseUtm, type Utm } from "./parse-utm";

/** Shopify `MoneyBag` as selected (`shopMoney { amount currencyCode }`). */
export interface OrderNodeMoneyBag {
  shopMoney: { amount: string; currencyCode: string };
}

/** A customerJourneySummary visit as selected. */
export interface OrderNodeVisit {
  landingPage: string | null;
  referrerUrl: string | null;
  occurredAt: string;
  utmParameters: Utm | null;
}

/** The order fields this function reads: what app/shopify's ShopifyOrderNode holds (structurally the same). */
export interface OrderNodeInput {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  test: boolean;
  currencyCode: string;
  presentmentCurrencyCode: string;
  sourceName: string | null;
  customer: { id: string } | null;
  discountCodes: readonly string[];
  subtotalPriceSet: OrderNodeMoneyBag | null;
  totalDiscountsSet: OrderNodeMoneyBag | null;
  totalTaxSet: OrderNodeMoneyBag | null;
  totalShippingPriceSet: OrderNodeMoneyBag;
  refunds: readonly { id: string; createdAt: string | null; totalRefundedSet: OrderNodeMoneyBag }[];
  customerJourneySummary: {
    ready: boolean;
    firstVisit: OrderNodeVisit | null;
    lastVisit: OrderNodeVisit | null;
  } | null;
}

/** A bulk export line item: originalTotalSet is the line's price before discounts (unit price × quantity). */
export interface OrderNodeLineItem {
  id: string;
  quantity: number;
  originalTotalSet: OrderNodeMoneyBag;
  /** The variant sold (its unit cost prices the line); null for a custom item or a deleted variant. */
  variant?: { id: string } | null;
}

type Path = (string | number)[];

function bagMinor(bag: OrderNodeMoneyBag, currency: string, path: Path): number {
  const { amount, currencyCode } = bag.shopMoney;
  if (currencyCode !== currency) {
    throw new ShopifyPayloadError(`shopMoney is in ${currencyCode}, expected the shop currency ${currency}`, path);
  }
  try {
    return parseDecimalToMinor(amount, currency);
  } catch (error) {
    throw new ShopifyPayloadError((error as Error).message, path);
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Shopify's own reading of the visit's UTMs when it gave one, else the landing page's query. */
function visitUtm(visit: OrderNodeVisit): Utm {
  const given = visit.utmParameters;
  if (given) {
    const utm: Utm = {
      source: emptyToNull(given.source),
      medium: emptyToNull(given.medium),
      campaign: emptyToNull(given.campaign),
      content: emptyToNull(given.content),
      term: emptyToNull(given.term),
    };
    if (Object.values(utm).some((value) => value !== null)) return utm;
  }
  return visit.landingPage ? parseUtm(visit.landingPage) : EMPTY_UTM;
}

function journeyVisit(visit: OrderNodeVisit | null, path: Path): NormalizedJourneyVisit | null {
  if (!visit) return null;
  let at: string;
  try {
    at = toIsoUtc(visit.occurredAt);
  } catch (error) {
    throw new ShopifyPayloadError((error as Error).message, [...path, "occurredAt"]);
  }
  return {
    at,
    utm: visitUtm(visit),
    landingUrl: emptyToNull(visit.landingPage),
    referrer: emptyToNull(visit.referrerUrl),
  };
}

function instant(value: string, path: Path): string {
  try {
    return toIsoUtc(value);
  } catch (error) {
    throw new ShopifyPayloadError((error as Error).message, path);
  }
}

function lineItem(line: OrderNodeLineItem, currency: string, i: number): { item: NormalizedLineItem; totalMinor: number } {
  const path: Path = ["lineItems", i];
  if (!Number.isInteger(line.quantity) || line.quantity < 0) {
    throw new ShopifyPayloadError(`Line item quantity ${line.quantity} is not a whole number`, [...path, "quantity"]);
  }
  const totalMinor = bagMinor(line.originalTotalSet, currency, [...path, "originalTotalSet"]);
  // A line removed by an order edit keeps quantity 0 and contributes nothing.
  if (line.quantity === 0 ? totalMinor !== 0 : totalMinor % line.quantity !== 0) {
    throw new ShopifyPayloadError(
      `Line total ${totalMinor} is not ${line.quantity} times a unit price in minor units`,
      [...path, "originalTotalSet"],
    );
  }
  return {
    item: {
      lineItemId: line.id,
      productId: null,
      variantId: line.variant?.id.startsWith("gid://shopify/ProductVariant/") ? line.variant.id : null,
      quantity: line.quantity,
      priceMinor: line.quantity === 0 ? 0 : totalMinor / line.quantity,
    },
    totalMinor,
  };
}

/**
 * Normalizes an Admin GraphQL order (reconciliation, or backfill with the export's line items) into the same
 * NormalizedOrder an orders/* webhook gives: GIDs, ISO UTC instants, shop-currency minor units, upper-cased
 * codes, landing page and referrer of the journey's last visit, plus the journey's first and last visits.
 * Gross is Σ line originalTotalSet when line items are given, else subtotal + discounts.
 */
export function normalizeOrderNode(
  node: OrderNodeInput,
  lineItems: readonly OrderNodeLineItem[] | null = null,
): NormalizedOrder {
  if (!node.id.startsWith("gid://shopify/Order/")) {
    throw new ShopifyPayloadError(`"${node.id}" is not an Order GID`, ["id"]);
  }
  const currency = node.currencyCode;
  const minor = (bag: OrderNodeMoneyBag, path: Path) => bagMinor(bag, currency, path);
  const optionalMinor = (bag: OrderNodeMoneyBag | null, field: string) => (bag ? minor(bag, [field]) : null);

  const subtotalMinor = optionalMinor(node.subtotalPriceSet, "subtotalPriceSet");
  const totalDiscountsMinor = optionalMinor(node.totalDiscountsSet, "totalDiscountsSet");

  let normalizedLines: NormalizedLineItem[] = [];
  let grossMinor: number;
  let discountsMinor: number;
  let shippingDiscountsMinor = 0;
  if (lineItems !== null) {
    const lines = lineItems.map((line, i) => lineItem(line, currency, i));
    normalizedLines = lines.map((line) => line.item);
    grossMinor = lines.reduce((sum, line) => sum + line.totalMinor, 0);
    if (subtotalMinor !== null) {
      // Gross and subtotal pin the merchandise discounts; what remains of the total discounts went to shipping.
      discountsMinor = grossMinor - subtotalMinor;
      if (discountsMinor < 0) {
        throw new ShopifyPayloadError(`Subtotal ${subtotalMinor} exceeds the line items' total ${grossMinor}`, ["subtotalPriceSet"]);
      }
      if (totalDiscountsMinor !== null) {
        if (totalDiscountsMinor < discountsMinor) {
          throw new ShopifyPayloadError(
            `Total discounts ${totalDiscountsMinor} are less than the line discounts ${discountsMinor}`,
            ["totalDiscountsSet"],
          );
        }
        shippingDiscountsMinor = totalDiscountsMinor - discountsMinor;
      }
    } else if (totalDiscountsMinor !== null) {
      discountsMinor = totalDiscountsMinor;
    } else {
      throw new ShopifyPayloadError("Neither subtotal nor total discounts: the order's discounts are unknown", ["subtotalPriceSet"]);
    }
  } else {
    if (subtotalMinor === null || totalDiscountsMinor === null) {
      throw new ShopifyPayloadError(
        "Without line items, gross sales need both the subtotal and the total discounts",
        [subtotalMinor === null ? "subtotalPriceSet" : "totalDiscountsSet"],
      );
    }
    grossMinor = subtotalMinor + totalDiscountsMinor;
    discountsMinor = totalDiscountsMinor;
  }

  const updatedAt = instant(node.updatedAt, ["updatedAt"]);
  const cancelledAt = node.cancelledAt ? instant(node.cancelledAt, ["cancelledAt"]) : null;
  const journey = node.customerJourneySummary;
  const first = journeyVisit(journey?.firstVisit ?? null, ["customerJourneySummary", "firstVisit"]);
  const last = journeyVisit(journey?.lastVisit ?? null, ["customerJourneySummary", "lastVisit"]);
  const landingUrl = last?.landingUrl ?? null;

  const refunds: NormalizedRefund[] = node.refunds.map((refund, i) => {
    const amountMinor = minor(refund.totalRefundedSet, ["refunds", i, "totalRefundedSet"]);
    // A refund without a creation time happened at the latest when the order was last updated.
    const at = refund.createdAt ? instant(refund.createdAt, ["refunds", i, "createdAt"]) : updatedAt;
    return {
      shopifyRefundId: refund.id,
      shopifyOrderId: node.id,
      processedAt: at,
      createdAt: at,
      currency,
      amountMinor,
      lineItemsMinor: amountMinor,
      discrepancyMinor: 0,
      shippingMinor: 0,
      taxesMinor: 0,
    };
  });

  return {
    shopifyOrderId: node.id,
    name: node.name,
    processedAt: instant(node.processedAt || node.createdAt, ["processedAt"]),
    createdAt: instant(node.createdAt, ["createdAt"]),
    shopifyUpdatedAt: updatedAt,
    customerId: node.customer?.id ?? null,
    currency,
    presentmentCurrency: node.presentmentCurrencyCode,
    grossMinor,
    discountsMinor,
    shippingMinor: minor(node.totalShippingPriceSet, ["totalShippingPriceSet"]),
    shippingDiscountsMinor,
    // No tax lines: Shopify leaves the set null rather than zero on some orders; taxes are outside net sales.
    taxesMinor: optionalMinor(node.totalTaxSet, "totalTaxSet") ?? 0,
    totalMinor: null,
    current: { subtotalMinor: null, discountsMinor: null, taxesMinor: null, shippingMinor: null, totalMinor: null },
    cancelled: cancelledAt !== null,
    cancelledAt,
    test: node.test,
    codes: [...new Set(node.discountCodes.map(normalizeCode).filter((code): code is string => code !== null))],
    landingUrl,
    referrer: last?.referrer ?? null,
    sourceName: emptyToNull(node.sourceName),
    utm: last?.utm ?? EMPTY_UTM,
    lineItems: normalizedLines,
    refunds,
    journey: { first, last },
  };
}

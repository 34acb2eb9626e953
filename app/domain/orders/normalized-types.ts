import type { Utm } from "./parse-utm";

/** A refund reduced to what net sales need, amounts in shop currency minor units. */
export interface NormalizedRefund {
  /** gid://shopify/Refund/… */
  shopifyRefundId: string;
  /** gid://shopify/Order/… */
  shopifyOrderId: string;
  /** When the refund took effect (processed_at, else created_at), ISO UTC: the refund's day bucket. */
  processedAt: string;
  createdAt: string;
  /** The shop currency; null only for a refund with no money line at all and no known shop currency. */
  currency: string | null;
  /** Merchandise refunded: what reduces net sales (line subtotals + refund discrepancies, shipping and taxes excluded). */
  amountMinor: number;
  /** Σ refund_line_items subtotal (line price × quantity after the line's discounts). */
  lineItemsMinor: number;
  /** Refunded beyond (positive) or short of (negative) the returned lines: −Σ refund_discrepancy amounts. */
  discrepancyMinor: number;
  /** Shipping refunded (excluded from net sales, as in Shopify Analytics). */
  shippingMinor: number;
  /** Taxes refunded on lines and discrepancies (excluded from net sales). */
  taxesMinor: number;
}

export interface NormalizedLineItem {
  /** gid://shopify/LineItem/…, when the payload carries it. */
  lineItemId: string | null;
  /** gid://shopify/Product/…; null when absent or when the numeric id is beyond 2^53 and was rounded by JSON.parse. */
  productId: string | null;
  /** gid://shopify/ProductVariant/…; null when absent or not exactly representable (see productId). */
  variantId: string | null;
  quantity: number;
  /** Unit price before discounts, shop currency minor units. */
  priceMinor: number;
  /** Discounts allocated to this line (all units), shop currency minor units; absent when the source does not say (read as none). */
  discountMinor?: number;
  /**
   * Unit cost of goods in shop currency minor units, when Shopify knows it (the inventory item's cost, read by the
   * backfill through the Admin API); webhooks do not carry it, so it is absent or null there.
   */
  unitCostMinor?: number | null;
}

/**
 * Who placed an order, as far as the salted click hash needs it: the checkout's IP and user agent. Used only to
 * recompute visitorHash for matching clicks on creators' links, never stored.
 */
export interface OrderVisitor {
  ip: string | null;
  userAgent: string | null;
}

/** An order as ingestion stores it: GIDs, ISO UTC instants, shop-currency minor units, no personal data. */
export interface NormalizedOrder {
  shopifyOrderId: string;
  name: string;
  /** processed_at (else created_at), ISO UTC: the order's day bucket. */
  processedAt: string;
  createdAt: string;
  /** Shopify's updated_at, ISO UTC: an older update never overwrites a newer one. */
  shopifyUpdatedAt: string;
  /** gid://shopify/Customer/…; null for guest checkouts. */
  customerId: string | null;
  /** Shop currency: every *Minor amount is in it. */
  currency: string;
  presentmentCurrency: string;
  /** Line prices before discounts (total_line_items_price). */
  grossMinor: number;
  /** Discounts on merchandise: total_discounts minus the discounts allocated to shipping lines. */
  discountsMinor: number;
  /** Shipping charged before shipping discounts. */
  shippingMinor: number;
  /** Discounts allocated to shipping lines (free-shipping codes); not part of discountsMinor. */
  shippingDiscountsMinor: number;
  taxesMinor: number;
  /** total_price, what the buyer paid at checkout; null when the payload omits it. */
  totalMinor: number | null;
  /** The current_* amounts after edits and refunds; each null when the payload omits it. */
  current: {
    subtotalMinor: number | null;
    discountsMinor: number | null;
    taxesMinor: number | null;
    shippingMinor: number | null;
    totalMinor: number | null;
  };
  cancelled: boolean;
  cancelledAt: string | null;
  test: boolean;
  /** Discount codes used, upper-cased and de-duplicated, in payload order. */
  codes: string[];
  landingUrl: string | null;
  referrer: string | null;
  sourceName: string | null;
  /** UTM parameters of the landing URL. */
  utm: Utm;
  /** The checkout's IP and user agent (browser_ip, client_details), only to match link clicks; null when absent. */
  visitor?: OrderVisitor | null;
  lineItems: NormalizedLineItem[];
  /** Refunds the order payload carries (the refunds/create webhook brings each one too). */
  refunds: NormalizedRefund[];
  /**
   * First and last visits of Shopify's customer journey (customerJourneySummary). Only orders read through the
   * Admin GraphQL API (reconciliation, backfill) carry it; webhook bodies do not.
   */
  journey?: { first?: NormalizedJourneyVisit | null; last?: NormalizedJourneyVisit | null };
}

/** A visit of the customer journey; structurally an attribution JourneyVisit (utm + at). */
export interface NormalizedJourneyVisit {
  /** When the visit happened, ISO UTC. */
  at: string;
  utm: Utm;
  landingUrl: string | null;
  referrer: string | null;
}

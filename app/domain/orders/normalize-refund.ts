import { toIsoUtc } from "~/domain/dates";
import { ShopifyPayloadError } from "./errors";
import { orderGidFromRefundBody } from "./extract-raw-order-id";
import { parseWithSchema } from "./parse-with-schema";
import { shopMoneyMinor } from "./shop-money";
import { shopifyRefundPayloadSchema, type ShopifyMoneySet, type ShopifyRefundPayload } from "./shopify-payload-schemas";
import type { NormalizedRefund } from "./normalized-types";

type Path = (string | number)[];

function refundCurrency(refund: ShopifyRefundPayload, shopCurrency: string | null, base: Path): string | null {
  const sets: ShopifyMoneySet[] = [
    ...refund.refund_line_items.flatMap((line) => [line.subtotal_set, ...(line.total_tax_set ? [line.total_tax_set] : [])]),
    ...refund.order_adjustments.map((adjustment) => adjustment.amount_set),
    ...refund.refund_shipping_lines.map((line) => line.subtotal_amount_set),
  ];
  const currencies = new Set(sets.map((set) => set.shop_money.currency_code));
  if (shopCurrency !== null) currencies.add(shopCurrency);
  if (currencies.size > 1) {
    throw new ShopifyPayloadError(`Refund mixes shop currencies ${[...currencies].join(", ")}`, base);
  }
  const [currency] = currencies;
  return currency ?? null;
}

// Shopify's REST order adjustments still carry `kind`; newer bodies may only give `reason`.
function isShippingAdjustment(adjustment: ShopifyRefundPayload["order_adjustments"][number]): boolean {
  return adjustment.kind === "shipping_refund";
}

/** Normalizes an already-parsed refund whose order GID is known (the refund inside an order payload). */
export function normalizeParsedRefund(
  refund: ShopifyRefundPayload,
  shopifyOrderId: string,
  shopCurrency: string | null,
  base: Path = [],
): NormalizedRefund {
  const currency = refundCurrency(refund, shopCurrency, base);
  const minor = (set: ShopifyMoneySet, path: Path) => (currency === null ? 0 : shopMoneyMinor(set, currency, [...base, ...path]));

  const lineItemsMinor = refund.refund_line_items.reduce(
    (sum, line, i) => sum + minor(line.subtotal_set, ["refund_line_items", i, "subtotal_set"]),
    0,
  );
  const lineTaxesMinor = refund.refund_line_items.reduce(
    (sum, line, i) => sum + (line.total_tax_set ? minor(line.total_tax_set, ["refund_line_items", i, "total_tax_set"]) : 0),
    0,
  );

  // Adjustment amounts are signed from the order's point of view: a refund of money not tied to returned lines
  // shows as a negative refund_discrepancy (refunding 1.00 with no lines gives -1.00), refunding lines for less
  // than their value as a positive one. Shipping refunds arrive as negative shipping_refund adjustments.
  let discrepancyMinor = 0;
  let discrepancyTaxesMinor = 0;
  let shippingAdjustmentsMinor = 0;
  refund.order_adjustments.forEach((adjustment, i) => {
    const amount = minor(adjustment.amount_set, ["order_adjustments", i, "amount_set"]);
    if (isShippingAdjustment(adjustment)) {
      shippingAdjustmentsMinor -= amount;
    } else {
      discrepancyMinor -= amount;
      if (adjustment.tax_amount_set) {
        discrepancyTaxesMinor -= minor(adjustment.tax_amount_set, ["order_adjustments", i, "tax_amount_set"]);
      }
    }
  });
  const shippingLinesMinor = refund.refund_shipping_lines.reduce(
    (sum, line, i) => sum + minor(line.subtotal_amount_set, ["refund_shipping_lines", i, "subtotal_amount_set"]),
    0,
  );

  return {
    shopifyRefundId: refund.admin_graphql_api_id,
    shopifyOrderId,
    processedAt: toIsoUtc(refund.processed_at ?? refund.created_at),
    createdAt: toIsoUtc(refund.created_at),
    currency,
    amountMinor: lineItemsMinor + discrepancyMinor,
    lineItemsMinor,
    discrepancyMinor,
    // Newer bodies list refund_shipping_lines; older ones only a shipping_refund adjustment. Never count both.
    shippingMinor: refund.refund_shipping_lines.length > 0 ? shippingLinesMinor : shippingAdjustmentsMinor,
    taxesMinor: lineTaxesMinor + discrepancyTaxesMinor,
  };
}

/**
 * Normalizes a refunds/create webhook. The order GID is read from the raw body text (see
 * extractRawOrderIdFromRefundBody), and cross-checked against the parsed order_id so that a body and a payload
 * of different refunds are never paired. `shopCurrency`, when given, must match every shop_money amount.
 */
export function normalizeRefund(payload: unknown, rawBody: string, shopCurrency: string | null = null): NormalizedRefund {
  const refund = parseWithSchema(shopifyRefundPayloadSchema, payload, "refund payload");
  const shopifyOrderId = orderGidFromRefundBody(rawBody);
  const rawDigits = shopifyOrderId.slice("gid://shopify/Order/".length);
  if (refund.order_id !== undefined && Number(rawDigits) !== refund.order_id) {
    throw new ShopifyPayloadError(`Raw body order_id ${rawDigits} does not match the parsed payload's ${refund.order_id}`);
  }
  return normalizeParsedRefund(refund, shopifyOrderId, shopCurrency);
}

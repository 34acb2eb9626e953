import { toIsoUtc } from "~/domain/dates";
import { ShopifyPayloadError } from "./errors";
import { normalizeCode } from "./normalize-code";
import { normalizeParsedRefund } from "./normalize-refund";
import type { NormalizedLineItem, NormalizedOrder } from "./normalized-types";
import { parseUtm } from "./parse-utm";
import { parseWithSchema } from "./parse-with-schema";
import { shopMoneyMinor } from "./shop-money";
import { shopifyOrderPayloadSchema, type ShopifyMoneySet, type ShopifyOrderPayload } from "./shopify-payload-schemas";

/** A GID from a numeric id, only when JSON.parse kept the number exact (ids above 2^53 come back rounded). */
function exactGid(resource: string, id: number | null | undefined): string | null {
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? `gid://shopify/${resource}/${id}` : null;
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function collectCodes(order: ShopifyOrderPayload): string[] {
  const codes = [
    ...order.discount_codes.map((discount) => discount.code),
    ...order.discount_applications
      .filter((application) => application.type === "discount_code")
      .map((application) => application.code ?? ""),
  ]
    .map(normalizeCode)
    .filter((code): code is string => code !== null);
  return [...new Set(codes)];
}

/**
 * Normalizes an orders/* webhook body: GIDs as keys, ISO UTC instants, shop-currency minor units, discount codes
 * upper-cased, UTMs read from the landing URL, and no personal data (the customer is kept as a GID only).
 * Gross = line prices before discounts; discounts exclude those on shipping, as in Shopify Analytics.
 */
export function normalizeOrder(payload: unknown): NormalizedOrder {
  const order = parseWithSchema(shopifyOrderPayloadSchema, payload, "order payload");
  const currency = order.currency;
  const minor = (set: ShopifyMoneySet, path: (string | number)[]) => shopMoneyMinor(set, currency, path);
  const optionalMinor = (set: ShopifyMoneySet | null | undefined, field: string) => (set ? minor(set, [field]) : null);

  const totalDiscountsMinor = minor(order.total_discounts_set, ["total_discounts_set"]);
  const shippingDiscountsMinor = order.shipping_lines.reduce(
    (sum, line, i) =>
      sum +
      line.discount_allocations.reduce(
        (lineSum, allocation, j) =>
          lineSum + minor(allocation.amount_set, ["shipping_lines", i, "discount_allocations", j, "amount_set"]),
        0,
      ),
    0,
  );
  if (shippingDiscountsMinor > totalDiscountsMinor) {
    throw new ShopifyPayloadError(
      `Shipping discounts (${shippingDiscountsMinor}) exceed total discounts (${totalDiscountsMinor})`,
      ["shipping_lines"],
    );
  }

  const lineItems: NormalizedLineItem[] = order.line_items.map((line, i) => ({
    lineItemId: line.admin_graphql_api_id ?? null,
    productId: exactGid("Product", line.product_id),
    variantId: exactGid("ProductVariant", line.variant_id),
    quantity: line.quantity,
    priceMinor: minor(line.price_set, ["line_items", i, "price_set"]),
    discountMinor: (line.discount_allocations ?? []).reduce(
      (sum, allocation, j) => sum + minor(allocation.amount_set, ["line_items", i, "discount_allocations", j, "amount_set"]),
      0,
    ),
  }));
  const visitorIp = emptyToNull(order.browser_ip) ?? emptyToNull(order.client_details?.browser_ip);
  const visitorAgent = emptyToNull(order.client_details?.user_agent);

  const landingUrl = emptyToNull(order.landing_site);
  const cancelledAt = order.cancelled_at ? toIsoUtc(order.cancelled_at) : null;

  return {
    shopifyOrderId: order.admin_graphql_api_id,
    name: order.name,
    processedAt: toIsoUtc(order.processed_at ?? order.created_at),
    createdAt: toIsoUtc(order.created_at),
    shopifyUpdatedAt: toIsoUtc(order.updated_at),
    customerId: order.customer?.admin_graphql_api_id ?? null,
    currency,
    presentmentCurrency: order.presentment_currency,
    grossMinor: minor(order.total_line_items_price_set, ["total_line_items_price_set"]),
    discountsMinor: totalDiscountsMinor - shippingDiscountsMinor,
    shippingMinor: minor(order.total_shipping_price_set, ["total_shipping_price_set"]),
    shippingDiscountsMinor,
    taxesMinor: minor(order.total_tax_set, ["total_tax_set"]),
    totalMinor: optionalMinor(order.total_price_set, "total_price_set"),
    current: {
      subtotalMinor: optionalMinor(order.current_subtotal_price_set, "current_subtotal_price_set"),
      discountsMinor: optionalMinor(order.current_total_discounts_set, "current_total_discounts_set"),
      taxesMinor: optionalMinor(order.current_total_tax_set, "current_total_tax_set"),
      shippingMinor: optionalMinor(order.current_shipping_price_set, "current_shipping_price_set"),
      totalMinor: optionalMinor(order.current_total_price_set, "current_total_price_set"),
    },
    cancelled: cancelledAt !== null,
    cancelledAt,
    test: order.test,
    codes: collectCodes(order),
    landingUrl,
    referrer: emptyToNull(order.referring_site),
    sourceName: emptyToNull(order.source_name),
    utm: parseUtm(landingUrl),
    visitor: visitorIp || visitorAgent ? { ip: visitorIp, userAgent: visitorAgent } : null,
    lineItems,
    refunds: order.refunds.map((refund, i) =>
      normalizeParsedRefund(refund, order.admin_graphql_api_id, currency, ["refunds", i]),
    ),
  };
}

import { z } from "zod";
import { toInstant } from "~/domain/dates";

// Shopify's REST webhook bodies, reduced to the fields ingestion reads. Objects are loose so that fields Shopify
// adds later pass through; numeric ids are never used as keys (they exceed 2^53, JSON.parse rounds them).

/** A GID of one Shopify resource type, e.g. gid://shopify/Order/820982911946154508. */
export function gidSchema(resource: string) {
  return z.string().regex(new RegExp(`^gid://shopify/${resource}/\\d+$`), `Expected a gid://shopify/${resource}/… id`);
}

/** An ISO 8601 timestamp with its offset, as Shopify sends them ("2021-12-31T19:00:00-05:00"). */
export const timestampSchema = z.string().refine((value) => {
  try {
    toInstant(value);
    return true;
  } catch {
    return false;
  }
}, "Expected an ISO 8601 timestamp with an offset");

const moneySchema = z.looseObject({
  amount: z.string(),
  currency_code: z.string(),
});

/** A MoneyBag: the amount in the shop's currency and in the buyer's (presentment) currency. */
export const moneySetSchema = z.looseObject({
  shop_money: moneySchema,
  presentment_money: moneySchema.optional(),
});

const discountAllocationSchema = z.looseObject({ amount_set: moneySetSchema });

// Customer: only the GID is read, and the strict pick drops names, emails, addresses and phones at the border.
const customerSchema = z.object({ admin_graphql_api_id: gidSchema("Customer") });

const lineItemSchema = z.looseObject({
  admin_graphql_api_id: gidSchema("LineItem").optional(),
  product_id: z.number().nullable().optional(),
  variant_id: z.number().nullable().optional(),
  quantity: z.number().int().nonnegative(),
  price_set: moneySetSchema,
  discount_allocations: z.array(discountAllocationSchema).optional(),
});

const refundLineItemSchema = z.looseObject({
  quantity: z.number().int().nonnegative(),
  subtotal_set: moneySetSchema,
  total_tax_set: moneySetSchema.optional(),
  line_item: z.looseObject({ admin_graphql_api_id: gidSchema("LineItem").optional() }).optional(),
});

const orderAdjustmentSchema = z.looseObject({
  /** shipping_refund | refund_discrepancy (deprecated by Shopify in favour of reason, still sent in REST). */
  kind: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  amount_set: moneySetSchema,
  tax_amount_set: moneySetSchema.optional(),
});

const refundShippingLineSchema = z.looseObject({
  subtotal_amount_set: moneySetSchema,
});

/** A refund, as in the refunds/create body and in an order's `refunds` array. */
export const shopifyRefundPayloadSchema = z.looseObject({
  admin_graphql_api_id: gidSchema("Refund"),
  /** Rounded by JSON.parse when above 2^53: only used to cross-check the id read from the raw body. */
  order_id: z.number().optional(),
  created_at: timestampSchema,
  processed_at: timestampSchema.nullable().optional(),
  refund_line_items: z.array(refundLineItemSchema).default([]),
  order_adjustments: z.array(orderAdjustmentSchema).default([]),
  refund_shipping_lines: z.array(refundShippingLineSchema).default([]),
});

/** The orders/create (also paid, updated, cancelled) webhook body. */
export const shopifyOrderPayloadSchema = z.looseObject({
  admin_graphql_api_id: gidSchema("Order"),
  name: z.string(),
  processed_at: timestampSchema.nullable().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  cancelled_at: timestampSchema.nullable().optional(),
  test: z.boolean(),
  /** The shop's currency: every *_set.shop_money amount is in it. */
  currency: z.string(),
  presentment_currency: z.string(),
  customer: customerSchema.nullable().optional(),
  discount_codes: z
    .array(z.looseObject({ code: z.string(), amount: z.string(), type: z.string() }))
    .default([]),
  discount_applications: z
    .array(z.looseObject({ type: z.string(), code: z.string().nullable().optional() }))
    .default([]),
  /** Line prices before discounts: Shopify Analytics' gross sales. */
  total_line_items_price_set: moneySetSchema,
  subtotal_price_set: moneySetSchema,
  total_discounts_set: moneySetSchema,
  /** Shipping charged before shipping discounts. */
  total_shipping_price_set: moneySetSchema,
  total_tax_set: moneySetSchema,
  total_price_set: moneySetSchema.optional(),
  current_subtotal_price_set: moneySetSchema.nullable().optional(),
  current_total_discounts_set: moneySetSchema.nullable().optional(),
  current_total_tax_set: moneySetSchema.nullable().optional(),
  current_total_price_set: moneySetSchema.nullable().optional(),
  current_shipping_price_set: moneySetSchema.nullable().optional(),
  landing_site: z.string().nullable().optional(),
  /** Read only to recompute the salted visitor hash of link clicks; never stored. */
  browser_ip: z.string().nullable().optional(),
  client_details: z
    .looseObject({ browser_ip: z.string().nullable().optional(), user_agent: z.string().nullable().optional() })
    .nullable()
    .optional(),
  referring_site: z.string().nullable().optional(),
  source_name: z.string().nullable().optional(),
  line_items: z.array(lineItemSchema),
  shipping_lines: z
    .array(z.looseObject({ discount_allocations: z.array(discountAllocationSchema).default([]) }))
    .default([]),
  refunds: z.array(shopifyRefundPayloadSchema).default([]),
});

export type ShopifyOrderPayload = z.infer<typeof shopifyOrderPayloadSchema>;
export type ShopifyRefundPayload = z.infer<typeof shopifyRefundPayloadSchema>;
export type ShopifyMoneySet = z.infer<typeof moneySetSchema>;

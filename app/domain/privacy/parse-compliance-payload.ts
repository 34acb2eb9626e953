// Shopify's mandatory privacy (compliance) webhooks: customers/data_request, customers/redact, shop/redact.
// Their ids are JSON numbers (customer.id, orders_to_redact, orders_requested, data_request.id), and Shopify's ids
// can exceed 2^53, where JSON.parse rounds them: 115310627314723954 would read as …950 and match no stored GID.
// So the raw body is parsed with a reviver that keeps every number's exact source text; the email and phone the
// payload also carries are never read, so they can't end up stored.
import { z } from "zod";

/** A compliance webhook body that does not have the shape Shopify documents. */
export class CompliancePayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

const idSchema = z.string().regex(/^\d+$/, "Expected a numeric id");
const shopDomainSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, "Expected a *.myshopify.com domain");

// Only the keys read are listed; z.object drops the rest (email, phone) at the border.
const customersRedactSchema = z.object({
  shop_domain: shopDomainSchema,
  customer: z.object({ id: idSchema }),
  orders_to_redact: z.array(idSchema).default([]),
});

const customersDataRequestSchema = z.object({
  shop_domain: shopDomainSchema,
  customer: z.object({ id: idSchema }),
  orders_requested: z.array(idSchema).default([]),
  data_request: z.object({ id: idSchema }),
});

const shopRedactSchema = z.object({ shop_domain: shopDomainSchema });

export interface CustomersRedactRequest {
  shopDomain: string;
  /** gid://shopify/Customer/… */
  customerId: string;
  /** gid://shopify/Order/… */
  orderIds: string[];
}

export interface CustomersDataRequest {
  shopDomain: string;
  customerId: string;
  orderIds: string[];
  /** Shopify's data_request.id, the merchant's reference for this request. */
  dataRequestId: string;
}

export interface ShopRedactRequest {
  shopDomain: string;
}

/** JSON.parse keeping each number as its exact source text (Node 22+ passes the source to the reviver). */
function parseKeepingNumberText(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody, (_key: string, value: unknown, context?: { source?: string }) =>
      typeof value === "number" ? (context?.source ?? String(value)) : value,
    );
  } catch (error) {
    throw new CompliancePayloadError(`Body is not JSON: ${(error as Error).message}`);
  }
}

function parse<Schema extends z.ZodType>(schema: Schema, rawBody: string, topic: string): z.output<Schema> {
  const result = schema.safeParse(parseKeepingNumberText(rawBody));
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue?.path.length ? ` at ${issue.path.map(String).join(".")}` : "";
    throw new CompliancePayloadError(`Invalid ${topic} payload${where}: ${issue?.message ?? "unknown issue"}`);
  }
  return result.data;
}

const customerGid = (id: string) => `gid://shopify/Customer/${id}`;
const orderGids = (ids: readonly string[]) => [...new Set(ids)].map((id) => `gid://shopify/Order/${id}`);

/** Reads customers/redact: the customer and the orders whose link to them must go, as exact GIDs. */
export function parseCustomersRedact(rawBody: string): CustomersRedactRequest {
  const body = parse(customersRedactSchema, rawBody, "customers/redact");
  return { shopDomain: body.shop_domain.toLowerCase(), customerId: customerGid(body.customer.id), orderIds: orderGids(body.orders_to_redact) };
}

/** Reads customers/data_request: the customer, the orders asked about and Shopify's request id. */
export function parseCustomersDataRequest(rawBody: string): CustomersDataRequest {
  const body = parse(customersDataRequestSchema, rawBody, "customers/data_request");
  return {
    shopDomain: body.shop_domain.toLowerCase(),
    customerId: customerGid(body.customer.id),
    orderIds: orderGids(body.orders_requested),
    dataRequestId: body.data_request.id,
  };
}

/** Reads shop/redact: the shop whose data must all be erased. */
export function parseShopRedact(rawBody: string): ShopRedactRequest {
  return { shopDomain: parse(shopRedactSchema, rawBody, "shop/redact").shop_domain.toLowerCase() };
}

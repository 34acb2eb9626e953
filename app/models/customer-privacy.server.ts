import { db } from "../db.server";
import type { CustomersDataRequest } from "../domain/privacy";
import type { CustomerDataRequest } from "../generated/prisma/client";

// What the app holds about one customer: the Customer row (Shopify id, first order time, acquiring creator and
// channel) and the orders linked to them by their Shopify customer id, with the touches of those orders. No name,
// email, address or phone is ever stored (ingestion keeps the customer GID only), so there is nothing else.

const notFound = () => new Response("Not found", { status: 404 });

/** Orders of the customer, or named in the request (Shopify lists the orders it knows of). */
function customerOrdersWhere(shop: string, customerId: string, orderIds: readonly string[]) {
  return { shop, OR: [{ customerId }, ...(orderIds.length > 0 ? [{ shopifyOrderId: { in: [...orderIds] } }] : [])] };
}

export interface RedactCustomerResult {
  customers: number;
  orders: number;
  dataRequests: number;
  /** Deliveries still waiting for a retry whose body named the customer: their body is dropped, they are parked. */
  webhookEvents: number;
}

/**
 * customers/redact: deletes the customer's row and unlinks their orders (customerId set to null, as for a guest
 * checkout), so nothing left can be tied to them; the orders' amounts stay in the shop's aggregated sales and
 * rollups. Data request exports about the customer are deleted too, and so is the raw body of any delivery still
 * waiting for a retry that names them (processed deliveries keep no body); such a delivery is parked, and the
 * hourly reconciliation brings its order's latest state instead. One transaction.
 */
export async function redactCustomer(shop: string, customerId: string, orderIds: readonly string[]): Promise<RedactCustomerResult> {
  return db.$transaction(async (tx) => {
    const orders = await tx.order.updateMany({ where: customerOrdersWhere(shop, customerId, orderIds), data: { customerId: null } });
    const customers = await tx.customer.deleteMany({ where: { shop, shopifyCustomerId: customerId } });
    const dataRequests = await tx.customerDataRequest.deleteMany({ where: { shop, shopifyCustomerId: customerId } });
    const digits = customerId.slice(customerId.lastIndexOf("/") + 1);
    const webhookEvents = await tx.webhookEvent.updateMany({
      where: { shop, payload: { contains: digits }, NOT: { payload: "" } },
      data: { payload: "", status: "parked", nextAttemptAt: null, error: "Body removed by customers/redact" },
    });
    return { customers: customers.count, orders: orders.count, dataRequests: dataRequests.count, webhookEvents: webhookEvents.count };
  });
}

/** The export of one customer's data, as the merchant downloads it (ids, times and amounts only). */
export interface CustomerDataExport {
  shop: string;
  shopifyCustomerId: string;
  generatedAt: string;
  statement: string;
  customer: {
    firstOrderAt: string;
    firstOrderId: string | null;
    acquiringCreatorId: string | null;
    acquiringCampaignId: string | null;
    acquisitionChannel: string;
  } | null;
  orders: {
    shopifyOrderId: string;
    name: string;
    processedAt: string;
    currency: string;
    grossMinor: number;
    discountsMinor: number;
    shippingMinor: number;
    taxesMinor: number;
    refundsMinor: number;
    cancelledAt: string | null;
    codes: unknown;
    landingUrl: string | null;
    referrer: string | null;
    sourceName: string | null;
    creditedCreatorId: string | null;
    creditedCampaignId: string | null;
    touches: { kind: string; creatorId: string; campaignId: string | null; at: string; evidence: string | null }[];
  }[];
}

function parseCodes(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** customers/data_request: gathers everything held about the customer (and the orders Shopify named). */
export async function collectCustomerData(
  shop: string,
  customerId: string,
  orderIds: readonly string[],
  now: Date = new Date(),
): Promise<CustomerDataExport> {
  const [customer, orders] = await Promise.all([
    db.customer.findFirst({ where: { shop, shopifyCustomerId: customerId } }),
    db.order.findMany({
      where: customerOrdersWhere(shop, customerId, orderIds),
      include: { touches: { orderBy: { at: "asc" } } },
      orderBy: { processedAt: "asc" },
    }),
  ]);
  return {
    shop,
    shopifyCustomerId: customerId,
    generatedAt: now.toISOString(),
    statement:
      "Creator ROI stores no customer names, emails, addresses or phone numbers. It holds the Shopify customer id, " +
      "the customer's orders (ids, amounts, discount codes, landing page) and which creator each order is credited to.",
    customer: customer
      ? {
          firstOrderAt: customer.firstOrderAt.toISOString(),
          firstOrderId: customer.firstOrderId,
          acquiringCreatorId: customer.acquiringCreatorId,
          acquiringCampaignId: customer.acquiringCampaignId,
          acquisitionChannel: customer.acquisitionChannel,
        }
      : null,
    orders: orders.map((order) => ({
      shopifyOrderId: order.shopifyOrderId,
      name: order.name,
      processedAt: order.processedAt.toISOString(),
      currency: order.currency,
      grossMinor: order.grossMinor,
      discountsMinor: order.discountsMinor,
      shippingMinor: order.shippingMinor,
      taxesMinor: order.taxesMinor,
      refundsMinor: order.refundsMinor,
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      codes: parseCodes(order.codes),
      landingUrl: order.landingUrl,
      referrer: order.referrer,
      sourceName: order.sourceName,
      creditedCreatorId: order.creditedCreatorId,
      creditedCampaignId: order.creditedCampaignId,
      touches: order.touches.map((touch) => ({
        kind: touch.kind,
        creatorId: touch.creatorId,
        campaignId: touch.campaignId,
        at: touch.at.toISOString(),
        evidence: touch.evidence,
      })),
    })),
  };
}

/** Records a data request with its export; a redelivery of the same Shopify request keeps the first record. */
export async function createCustomerDataRequest(
  shop: string,
  input: { shopifyRequestId: string; shopifyCustomerId: string; data: CustomerDataExport },
): Promise<CustomerDataRequest> {
  return db.$transaction((tx) =>
    tx.customerDataRequest.upsert({
      where: { shop_shopifyRequestId: { shop, shopifyRequestId: input.shopifyRequestId } },
      create: { shop, shopifyRequestId: input.shopifyRequestId, shopifyCustomerId: input.shopifyCustomerId, data: JSON.stringify(input.data) },
      update: {},
    }),
  );
}

/** customers/data_request: gathers what the app holds about the customer and keeps it for the merchant. */
export async function recordCustomerDataRequest(shop: string, request: CustomersDataRequest, now: Date = new Date()): Promise<CustomerDataRequest> {
  const data = await collectCustomerData(shop, request.customerId, request.orderIds, now);
  return createCustomerDataRequest(shop, { shopifyRequestId: request.dataRequestId, shopifyCustomerId: request.customerId, data });
}

export type CustomerDataRequestSummary = Pick<CustomerDataRequest, "id" | "shopifyRequestId" | "shopifyCustomerId" | "receivedAt" | "downloadedAt">;

/** The shop's data requests, newest first, without their exports. */
export async function listCustomerDataRequests(shop: string, take = 20): Promise<CustomerDataRequestSummary[]> {
  return db.customerDataRequest.findMany({
    where: { shop },
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, shopifyRequestId: true, shopifyCustomerId: true, receivedAt: true, downloadedAt: true },
  });
}

/** One data request of the shop, marked downloaded; 404 when absent or another shop's. */
export async function requireCustomerDataRequestForDownload(shop: string, id: string, now: Date = new Date()): Promise<CustomerDataRequest> {
  const request = await db.customerDataRequest.findFirst({ where: { shop, id } });
  if (!request) throw notFound();
  await db.$transaction((tx) => tx.customerDataRequest.updateMany({ where: { shop, id }, data: { downloadedAt: now } }));
  return { ...request, downloadedAt: now };
}

// Install-time backfill: one bulk operation exports the shop's order history (for the baseline forecast and for
// "new versus returning" customers) as JSONL, instead of thousands of paginated requests against the rate limit.
import type { AdminApi } from "./admin-api.server";
import { isRecord, type ShopifyMoneyBag } from "./graphql-shapes.server";
import { ORDER_NODE_SELECTION, readOrderNode, type ShopifyOrderNode } from "./order-fields.server";
import { optionalString, requireObject, requireString, throwOnUserErrors } from "./read-payload.server";
import {
  ShopifyBulkJsonlError,
  ShopifyBulkOperationError,
  ShopifyInputError,
  ShopifyUnexpectedResponseError,
} from "./shopify-errors.server";
import { assertShopifyGid } from "./shopify-gid.server";
import { groupBulkJsonlRows, streamBulkJsonl, type StreamBulkJsonlOptions } from "./stream-bulk-jsonl.server";

const BULK_OPERATION_FIELDS = `
        id
        status
        errorCode
        objectCount
        url
        partialDataUrl
        createdAt
        completedAt`;

// groupObjects: true (the default became false in 2026-01) keeps each order's line items right after it in the
// file, so the reader can stream orders with their line items without loading the whole export.
export const RUN_BULK_ORDERS_EXPORT = `#graphql
  mutation RunBulkOrdersExport($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation {${BULK_OPERATION_FIELDS}
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const GET_BULK_OPERATION = `#graphql
  query GetBulkOperation($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {${BULK_OPERATION_FIELDS}
      }
    }
  }
`;

/** Shopify's BulkOperationStatus. */
export type BulkOperationStatus = "CANCELED" | "CANCELING" | "COMPLETED" | "CREATED" | "EXPIRED" | "FAILED" | "RUNNING";

export interface BulkOperationState {
  /** gid://shopify/BulkOperation/<n> */
  id: string;
  status: BulkOperationStatus;
  /** ACCESS_DENIED, INTERNAL_SERVER_ERROR or TIMEOUT when FAILED. */
  errorCode: string | null;
  /** Objects written so far (orders and line items together). */
  objectCount: number;
  /** The JSONL to download once COMPLETED; null when the export is empty. Expires after seven days. */
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string | null;
  completedAt: string | null;
}

/** A line item of the export: its price before discounts makes the order's gross sales exact. */
export interface ShopifyBulkLineItem {
  /** gid://shopify/LineItem/<n> */
  id: string;
  quantity: number;
  originalTotalSet: ShopifyMoneyBag;
  /** The variant sold, for its unit cost; null for a custom item or a deleted variant. */
  variant: { id: string } | null;
}

export interface ExportedOrder {
  order: ShopifyOrderNode;
  lineItems: ShopifyBulkLineItem[];
}

const STATUSES: readonly BulkOperationStatus[] = ["CANCELED", "CANCELING", "COMPLETED", "CREATED", "EXPIRED", "FAILED", "RUNNING"];

/** The bulk query: every order created at or after `createdSince`, each with its line items. */
export function buildBulkOrdersQuery(createdSince: Date): string {
  if (Number.isNaN(createdSince.getTime())) throw new ShopifyInputError("createdSince is not a valid date");
  const since = createdSince.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `{
  orders(query: "created_at:>='${since}'") {
    edges {
      node {${ORDER_NODE_SELECTION}
        lineItems {
          edges {
            node {
              id
              quantity
              originalTotalSet { shopMoney { amount currencyCode } }
              variant { id }
            }
          }
        }
      }
    }
  }
}`;
}

function readBulkOperation(value: Record<string, unknown>, operation: string): BulkOperationState {
  const status = value.status;
  if (typeof status !== "string" || !STATUSES.includes(status as BulkOperationStatus)) {
    throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: unknown bulk status ${String(status)}`, operation);
  }
  const rawCount = value.objectCount;
  // UnsignedInt64 travels as a string.
  const objectCount = typeof rawCount === "string" && /^\d+$/.test(rawCount) ? Number(rawCount) : typeof rawCount === "number" ? rawCount : 0;
  return {
    id: requireString(value, "id", operation),
    status: status as BulkOperationStatus,
    errorCode: optionalString(value, "errorCode"),
    objectCount,
    url: optionalString(value, "url"),
    partialDataUrl: optionalString(value, "partialDataUrl"),
    createdAt: optionalString(value, "createdAt"),
    completedAt: optionalString(value, "completedAt"),
  };
}

/** Start the backfill export of orders created since `createdSince`; Shopify works on it in the background. */
export async function startBulkOrdersExport(api: AdminApi, options: { createdSince: Date }): Promise<BulkOperationState> {
  const operation = "RunBulkOrdersExport";
  const data = await api.request<unknown>(RUN_BULK_ORDERS_EXPORT, { query: buildBulkOrdersQuery(options.createdSince) });
  const payload = requireObject(data, "bulkOperationRunQuery", operation);
  throwOnUserErrors(payload, operation);
  return readBulkOperation(requireObject(payload, "bulkOperation", operation), operation);
}

/** The current state of a bulk operation; null when the id is unknown to the shop. */
export async function getBulkOperation(api: AdminApi, bulkOperationId: string): Promise<BulkOperationState | null> {
  assertShopifyGid(bulkOperationId, "BulkOperation");
  const operation = "GetBulkOperation";
  const data = await api.request<unknown>(GET_BULK_OPERATION, { id: bulkOperationId });
  const node = isRecord(data) ? data.node : undefined;
  if (!isRecord(node) || node.id === undefined) return null;
  return readBulkOperation(node, operation);
}

export interface WaitForBulkOperationOptions {
  /** Pause between polls. Default 5 s. */
  pollIntervalMs?: number;
  /** Give up after this many polls. Default 720 (an hour at 5 s). */
  maxPolls?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Poll until the operation is COMPLETED; FAILED, CANCELED, EXPIRED, unknown or too slow throws ShopifyBulkOperationError. */
export async function waitForBulkOperation(
  api: AdminApi,
  bulkOperationId: string,
  options: WaitForBulkOperationOptions = {},
): Promise<BulkOperationState> {
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const maxPolls = options.maxPolls ?? 720;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let last: BulkOperationState | null = null;
  for (let poll = 1; poll <= maxPolls; poll += 1) {
    last = await getBulkOperation(api, bulkOperationId);
    if (!last) {
      throw new ShopifyBulkOperationError({ bulkOperationId, status: "UNKNOWN", errorCode: null, partialDataUrl: null, reason: "is unknown to the shop" });
    }
    if (last.status === "COMPLETED") return last;
    if (last.status === "FAILED" || last.status === "CANCELED" || last.status === "EXPIRED") {
      throw new ShopifyBulkOperationError({
        bulkOperationId,
        status: last.status,
        errorCode: last.errorCode,
        partialDataUrl: last.partialDataUrl,
      });
    }
    if (poll < maxPolls) await sleep(pollIntervalMs);
  }
  throw new ShopifyBulkOperationError({
    bulkOperationId,
    status: last?.status ?? "UNKNOWN",
    errorCode: null,
    partialDataUrl: null,
    reason: `did not complete within ${maxPolls} polls`,
  });
}

function readLineItem(row: Record<string, unknown>, operation: string): ShopifyBulkLineItem {
  const money = isRecord(row.originalTotalSet) ? row.originalTotalSet.shopMoney : undefined;
  if (typeof row.quantity !== "number" || !isRecord(money) || typeof money.amount !== "string" || typeof money.currencyCode !== "string") {
    throw new ShopifyBulkJsonlError(`Line item ${String(row.id)} lacks quantity or originalTotalSet`);
  }
  return {
    id: requireString(row, "id", operation),
    quantity: row.quantity,
    originalTotalSet: { shopMoney: { amount: money.amount, currencyCode: money.currencyCode } },
    variant: isRecord(row.variant) && typeof row.variant.id === "string" ? { id: row.variant.id } : null,
  };
}

/** Stream a finished export: each order with its line items, in file order, holding one order at a time. */
export async function* readBulkOrdersExport(
  url: string,
  options: StreamBulkJsonlOptions = {},
): AsyncGenerator<ExportedOrder, void, undefined> {
  const operation = "RunBulkOrdersExport";
  for await (const group of groupBulkJsonlRows(streamBulkJsonl(url, options))) {
    const order = readOrderNode(group.node, operation);
    const lineItems = group.children
      .filter((child) => typeof child.id === "string" && child.id.startsWith("gid://shopify/LineItem/"))
      .map((child) => readLineItem(child, operation));
    yield { order, lineItems };
  }
}

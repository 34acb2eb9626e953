import type { AdminApi } from "./admin-api.server";
import { ORDER_NODE_SELECTION, readOrderNode, type ShopifyOrderNode } from "./order-fields.server";
import { requireObject } from "./read-payload.server";
import { ShopifyInputError, ShopifyUnexpectedResponseError } from "./shopify-errors.server";

// Oldest update first, so a run cut short leaves a watermark (the last updatedAt handled) the next run resumes from.
export const LIST_ORDERS_UPDATED_SINCE = `#graphql
  query ListOrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {${ORDER_NODE_SELECTION}
      }
    }
  }
`;

export interface ListOrdersUpdatedSinceOptions {
  /** Orders updated at or after this instant are returned. */
  since: Date;
  /** Orders per request, 1–250 (Shopify's page maximum). Default 50. */
  pageSize?: number;
}

/**
 * Shopify search filter for "updated at or after `since`", to the second. Inclusive on purpose: orders updated in
 * the same second as the previous watermark are fetched again rather than missed; ingestion ignores an update that
 * is not newer than what it holds.
 */
export function updatedSinceFilter(since: Date): string {
  if (Number.isNaN(since.getTime())) throw new ShopifyInputError("since is not a valid date");
  const seconds = since.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `updated_at:>='${seconds}'`;
}

/** Every order updated since `since`, oldest update first, one page at a time (reconciliation of missed webhooks). */
export async function* listOrdersUpdatedSince(
  api: AdminApi,
  options: ListOrdersUpdatedSinceOptions,
): AsyncGenerator<ShopifyOrderNode, void, undefined> {
  const operation = "ListOrdersUpdatedSince";
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 250) {
    throw new ShopifyInputError(`pageSize must be an integer from 1 to 250, got ${pageSize}`);
  }
  const query = updatedSinceFilter(options.since);
  let after: string | null = null;
  for (;;) {
    const data = await api.request<unknown>(LIST_ORDERS_UPDATED_SINCE, { first: pageSize, after, query });
    const connection = requireObject(data, "orders", operation);
    const pageInfo = requireObject(connection, "pageInfo", operation);
    if (!Array.isArray(connection.nodes)) {
      throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: orders.nodes is not a list`, operation);
    }
    for (const node of connection.nodes) yield readOrderNode(node, operation);
    if (pageInfo.hasNextPage !== true) return;
    if (typeof pageInfo.endCursor !== "string") {
      throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: hasNextPage without endCursor`, operation);
    }
    after = pageInfo.endCursor;
  }
}

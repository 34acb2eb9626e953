import { ShopifyPayloadError } from "./errors";

// Every "order_id" key of a refund body (top level, transactions, order_adjustments) names the same order.
// The look-behind skips `\"order_id\"` inside a JSON string such as the refund note.
const ORDER_ID_KEY = /(?<!\\)"order_id"\s*:\s*(?:"(\d+)"|(\d+)(?![\d.eE]))/g;

/**
 * Reads the exact digits of a refund's order_id from the raw webhook body. The refunds/create payload has no
 * order GID, and order_id is a number that can exceed 2^53, which JSON.parse rounds (820982911946154508 parses
 * as 820982911946154500), so the parsed value cannot build a key. All order_id occurrences must agree.
 */
export function extractRawOrderIdFromRefundBody(rawBody: string): string {
  const ids = new Set<string>();
  for (const match of rawBody.matchAll(ORDER_ID_KEY)) {
    const digits = (match[1] ?? match[2] ?? "").replace(/^0+(?=\d)/, "");
    if (digits !== "") ids.add(digits);
  }
  if (ids.size === 0) throw new ShopifyPayloadError("Refund body has no numeric order_id");
  if (ids.size > 1) throw new ShopifyPayloadError(`Refund body names several orders: ${[...ids].join(", ")}`);
  const [id] = ids;
  return id as string;
}

/** The order GID of a refunds/create body, built from the exact digits of its order_id. */
export function orderGidFromRefundBody(rawBody: string): string {
  return `gid://shopify/Order/${extractRawOrderIdFromRefundBody(rawBody)}`;
}

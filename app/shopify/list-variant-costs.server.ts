import type { AdminApi } from "./admin-api.server";
import { isRecord } from "./graphql-shapes.server";
import { requireObject, requireString } from "./read-payload.server";
import { ShopifyInputError, ShopifyUnexpectedResponseError } from "./shopify-errors.server";

// Every variant with its inventory item's unit cost (the cost the merchant enters on the product page). Costs are
// in the shop's currency; a variant without a cost entered has unitCost null.
export const LIST_VARIANT_COSTS = `#graphql
  query ListVariantCosts($first: Int!, $after: String) {
    productVariants(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        inventoryItem {
          id
          updatedAt
          unitCost {
            amount
            currencyCode
          }
        }
      }
    }
  }
`;

export interface ShopifyVariantCost {
  /** gid://shopify/ProductVariant/… */
  variantId: string;
  /** gid://shopify/InventoryItem/… */
  inventoryItemId: string;
  /** The inventory item's updatedAt, ISO; null when Shopify omits it. */
  updatedAt: string | null;
  /** Decimal amount and currency as Shopify gives them; null when no cost is entered. */
  unitCost: { amount: string; currencyCode: string } | null;
}

function readVariant(node: unknown, operation: string): ShopifyVariantCost {
  if (!isRecord(node)) throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: a variant is not an object`, operation);
  const item = requireObject(node, "inventoryItem", operation);
  const cost = item.unitCost;
  let unitCost: ShopifyVariantCost["unitCost"] = null;
  if (cost !== null && cost !== undefined) {
    if (!isRecord(cost) || typeof cost.amount !== "string" || typeof cost.currencyCode !== "string") {
      throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: unitCost of ${String(node.id)} lacks amount or currency`, operation);
    }
    unitCost = { amount: cost.amount, currencyCode: cost.currencyCode };
  }
  return {
    variantId: requireString(node, "id", operation),
    inventoryItemId: requireString(item, "id", operation),
    updatedAt: typeof item.updatedAt === "string" ? item.updatedAt : null,
    unitCost,
  };
}

/** Every variant of the shop with its unit cost, one page of `pageSize` (1–250, default 250) at a time. */
export async function* listVariantCosts(api: AdminApi, options: { pageSize?: number } = {}): AsyncGenerator<ShopifyVariantCost[], void, undefined> {
  const operation = "ListVariantCosts";
  const pageSize = options.pageSize ?? 250;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 250) {
    throw new ShopifyInputError(`pageSize must be an integer from 1 to 250, got ${pageSize}`);
  }
  let after: string | null = null;
  for (;;) {
    const data = await api.request<unknown>(LIST_VARIANT_COSTS, { first: pageSize, after });
    const connection = requireObject(data, "productVariants", operation);
    const pageInfo = requireObject(connection, "pageInfo", operation);
    if (!Array.isArray(connection.nodes)) {
      throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: productVariants.nodes is not a list`, operation);
    }
    yield connection.nodes.map((node) => readVariant(node, operation));
    if (pageInfo.hasNextPage !== true) return;
    if (typeof pageInfo.endCursor !== "string") {
      throw new ShopifyUnexpectedResponseError(`Shopify ${operation}: hasNextPage without endCursor`, operation);
    }
    after = pageInfo.endCursor;
  }
}

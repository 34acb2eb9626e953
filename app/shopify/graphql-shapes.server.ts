// Hand-written shapes of the Admin GraphQL answers this app reads (no codegen is available offline).
// Names and nullability follow Shopify's Admin GraphQL reference for API version 2026-10.

/** Shopify `MoneyV2`: a decimal string ("414.95") and an ISO currency code. Converted to minor units by domain/money. */
export interface ShopifyMoney {
  amount: string;
  currencyCode: string;
}

/** Shopify `MoneyBag`: the same amount in the shop's currency and in the buyer's (presentment) currency. */
export interface ShopifyMoneyBag {
  shopMoney: ShopifyMoney;
}

/** Shopify `DiscountUserError` / `BulkOperationUserError`: `field` is the input path, `code` the error enum. */
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string | null;
}

/** One entry of a GraphQL response's top-level `errors`. */
export interface GraphqlErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** `extensions.cost.throttleStatus`: the leaky bucket of this app on this shop. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** `extensions.cost` as Shopify attaches it to every Admin GraphQL answer (actualQueryCost is null when throttled). */
export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus | null;
}

/** Narrow an unknown JSON value to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Read `extensions.cost` from a response body; null when absent or malformed (the stand-in and Shopify both send it). */
export function readQueryCost(extensions: unknown): QueryCost | null {
  if (!isRecord(extensions) || !isRecord(extensions.cost)) return null;
  const cost = extensions.cost;
  const requested = finiteNumber(cost.requestedQueryCost);
  if (requested === null) return null;
  let throttleStatus: ThrottleStatus | null = null;
  if (isRecord(cost.throttleStatus)) {
    const max = finiteNumber(cost.throttleStatus.maximumAvailable);
    const available = finiteNumber(cost.throttleStatus.currentlyAvailable);
    const rate = finiteNumber(cost.throttleStatus.restoreRate);
    if (max !== null && available !== null && rate !== null) {
      throttleStatus = { maximumAvailable: max, currentlyAvailable: available, restoreRate: rate };
    }
  }
  return { requestedQueryCost: requested, actualQueryCost: finiteNumber(cost.actualQueryCost), throttleStatus };
}

/** Keep the well-formed entries of a top-level `errors` array; a non-array yields []. */
export function readGraphqlErrors(errors: unknown): GraphqlErrorShape[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((entry): GraphqlErrorShape => {
    if (!isRecord(entry)) return { message: String(entry) };
    const shape: GraphqlErrorShape = { message: typeof entry.message === "string" ? entry.message : JSON.stringify(entry) };
    if (Array.isArray(entry.path)) {
      shape.path = entry.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
    }
    if (isRecord(entry.extensions)) shape.extensions = entry.extensions;
    return shape;
  });
}

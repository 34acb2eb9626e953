// Reading what an operation selected, strictly: a missing field is a seam bug and `userErrors` become a typed error.
import { isRecord, type UserErrorShape } from "./graphql-shapes.server";
import { ShopifyUnexpectedResponseError, ShopifyUserError } from "./shopify-errors.server";

/** The object at `data[key]`; throws ShopifyUnexpectedResponseError when Shopify's answer lacks it. */
export function requireObject(data: unknown, key: string, operationName: string): Record<string, unknown> {
  const value = isRecord(data) ? data[key] : undefined;
  if (!isRecord(value)) {
    throw new ShopifyUnexpectedResponseError(`Shopify ${operationName}: the answer has no object at "${key}"`, operationName);
  }
  return value;
}

/** The string at `object[key]`; throws ShopifyUnexpectedResponseError when it is missing or not a string. */
export function requireString(object: Record<string, unknown>, key: string, operationName: string): string {
  const value = object[key];
  if (typeof value !== "string") {
    throw new ShopifyUnexpectedResponseError(`Shopify ${operationName}: "${key}" is not a string`, operationName);
  }
  return value;
}

/** The string at `object[key]`, or null when Shopify sent null or nothing. */
export function optionalString(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === "string" ? value : null;
}

/** Normalise a payload's `userErrors` list to {field, message, code}. */
export function readUserErrors(value: unknown): UserErrorShape[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    field: Array.isArray(entry.field) ? entry.field.filter((f): f is string => typeof f === "string") : null,
    message: typeof entry.message === "string" ? entry.message : "",
    code: typeof entry.code === "string" ? entry.code : null,
  }));
}

/** A mutation refused by Shopify throws ShopifyUserError carrying every {field, message, code}. */
export function throwOnUserErrors(payload: Record<string, unknown>, operationName: string): void {
  const userErrors = readUserErrors(payload.userErrors);
  if (userErrors.length > 0) throw new ShopifyUserError(operationName, userErrors);
}

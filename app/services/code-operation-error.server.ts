import {
  ShopifyGraphqlError,
  ShopifyHttpError,
  ShopifyNetworkError,
  ShopifyThrottledError,
  ShopifyUnexpectedResponseError,
  ShopifyUserError,
} from "../shopify/shopify-errors.server";
import { ShopifyInputError } from "../shopify/shopify-errors.server";

/**
 * Why an operation on a creator's code or link did not happen; each has a message in the locales
 * (codes.errors.<reason>), and `detail` carries Shopify's own words or the rule that refused the input.
 */
export type CodeOperationReason =
  | "invalid_code"
  | "invalid_discount"
  | "invalid_destination"
  | "invalid_link"
  | "no_free_code"
  | "shopify_refused"
  | "shopify_throttled"
  | "shopify_unavailable"
  | "not_saved"
  | "code_being_repaired"
  | "code_deleted"
  | "unexpected";

/** Reasons that are the staff's input to correct (422), as opposed to Shopify or the database failing (503/500). */
export const INPUT_REASONS: ReadonlySet<CodeOperationReason> = new Set([
  "invalid_code",
  "invalid_discount",
  "invalid_destination",
  "invalid_link",
  "no_free_code",
  "shopify_refused",
  "code_being_repaired",
  "code_deleted",
]);

/** A refused or failed operation on a code or link; nothing was left half-done when this is thrown. */
export class CodeOperationError extends Error {
  name = "CodeOperationError";
  constructor(
    readonly reason: CodeOperationReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** The staff-facing reason of an error thrown by an Admin API call whose request did not change the shop. */
export function reasonOfShopifyError(error: unknown): CodeOperationError | null {
  if (error instanceof ShopifyUserError) return new CodeOperationError("shopify_refused", error.shopifyMessage || error.message);
  if (error instanceof ShopifyThrottledError) {
    return new CodeOperationError("shopify_throttled", `Shopify is busy; try again in ${Math.ceil(error.suggestedWaitMs / 1000)} s.`);
  }
  if (error instanceof ShopifyInputError) return new CodeOperationError("invalid_discount", error.message);
  if (
    error instanceof ShopifyNetworkError ||
    error instanceof ShopifyHttpError ||
    error instanceof ShopifyGraphqlError ||
    error instanceof ShopifyUnexpectedResponseError
  ) {
    return new CodeOperationError("shopify_unavailable", error.message);
  }
  return null;
}

/**
 * Message of any thrown value on one short line, for `lastError` and staff: Prisma's messages quote the calling code
 * over several lines before saying what happened in the last one.
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const last = lines[lines.length - 1] ?? text;
  return last.length > 300 ? `${last.slice(0, 299)}…` : last;
}

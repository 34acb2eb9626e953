// Typed failures of the Admin GraphQL seam. Callers branch on the class, never on message text.
import type { GraphqlErrorShape, ThrottleStatus, UserErrorShape } from "./graphql-shapes.server";

/** Base of every failure raised while talking to the Shopify Admin API. */
export class ShopifyApiError extends Error {
  readonly operationName: string;

  constructor(message: string, operationName: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operationName = operationName;
  }
}

/** Shopify kept answering THROTTLED (or HTTP 429) after every allowed retry. Nothing was executed. */
export class ShopifyThrottledError extends ShopifyApiError {
  readonly attempts: number;
  readonly throttleStatus: ThrottleStatus | null;
  /** How long the bucket needs to refill before this operation can run, as last reported. */
  readonly suggestedWaitMs: number;

  constructor(operationName: string, attempts: number, throttleStatus: ThrottleStatus | null, suggestedWaitMs: number) {
    super(`Shopify throttled ${operationName} on all ${attempts} attempts`, operationName);
    this.attempts = attempts;
    this.throttleStatus = throttleStatus;
    this.suggestedWaitMs = suggestedWaitMs;
  }
}

/**
 * The request did not get a usable answer: connection refused or reset, `fetch failed`, or an HTTP 5xx.
 * `mayHaveBeenApplied` is true for a mutation: Shopify may have executed it before the answer was lost,
 * so the caller must look the resource up (e.g. findDiscountByCode) before trying again.
 */
export class ShopifyNetworkError extends ShopifyApiError {
  readonly attempts: number;
  readonly status: number | null;
  readonly isMutation: boolean;
  readonly mayHaveBeenApplied: boolean;

  constructor(
    operationName: string,
    details: { attempts: number; status: number | null; isMutation: boolean; cause?: unknown },
  ) {
    const what = details.status === null ? "network failure" : `HTTP ${details.status}`;
    const retried = details.isMutation ? "not retried: it is a mutation" : `after ${details.attempts} attempts`;
    super(`Shopify ${operationName}: ${what} (${retried})`, operationName, { cause: details.cause });
    this.attempts = details.attempts;
    this.status = details.status;
    this.isMutation = details.isMutation;
    this.mayHaveBeenApplied = details.isMutation;
  }
}

/** Shopify answered with top-level GraphQL `errors` (bad query, access denied, unknown field...). */
export class ShopifyGraphqlError extends ShopifyApiError {
  readonly errors: readonly GraphqlErrorShape[];

  constructor(operationName: string, errors: readonly GraphqlErrorShape[]) {
    const first = errors[0]?.message ?? "GraphQL error without a message";
    super(`Shopify ${operationName}: ${first}`, operationName);
    this.errors = errors;
  }
}

/** An HTTP status that retrying cannot fix (401 bad token, 403 missing scope, 404 wrong API version...). */
export class ShopifyHttpError extends ShopifyApiError {
  readonly status: number;
  readonly bodyText: string;

  constructor(operationName: string, status: number, bodyText: string) {
    super(`Shopify ${operationName}: HTTP ${status} ${bodyText.slice(0, 200)}`, operationName);
    this.status = status;
    this.bodyText = bodyText;
  }
}

/** A 200 answer whose `data` lacks what the operation selects: a seam bug, never silently coerced. */
export class ShopifyUnexpectedResponseError extends ShopifyApiError {}

/** Shopify refused a mutation with `userErrors`; `code` is Shopify's enum (e.g. TAKEN for a duplicate code). */
export class ShopifyUserError extends ShopifyApiError {
  readonly userErrors: readonly UserErrorShape[];
  readonly field: readonly string[] | null;
  readonly code: string | null;
  readonly shopifyMessage: string;

  constructor(operationName: string, userErrors: readonly UserErrorShape[]) {
    const first = userErrors[0];
    super(`Shopify ${operationName} refused: ${userErrors.map((e) => e.message).join("; ")}`, operationName);
    this.userErrors = userErrors;
    this.field = first?.field ?? null;
    this.code = first?.code ?? null;
    this.shopifyMessage = first?.message ?? "";
  }

  /** True when one of the errors is `code` (e.g. hasCode("TAKEN")). */
  hasCode(code: string): boolean {
    return this.userErrors.some((e) => e.code === code);
  }
}

/** Bad arguments given to a seam function (malformed GID, out-of-range percentage...), caught before any request. */
export class ShopifyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShopifyInputError";
  }
}

/** A bulk operation ended FAILED, CANCELED or EXPIRED, or did not finish within the allowed polls. */
export class ShopifyBulkOperationError extends Error {
  readonly bulkOperationId: string;
  readonly status: string;
  readonly errorCode: string | null;
  readonly partialDataUrl: string | null;

  constructor(details: { bulkOperationId: string; status: string; errorCode: string | null; partialDataUrl: string | null; reason?: string }) {
    super(
      `Bulk operation ${details.bulkOperationId} ${details.reason ?? `ended ${details.status}`}` +
        (details.errorCode ? ` (${details.errorCode})` : ""),
    );
    this.name = "ShopifyBulkOperationError";
    this.bulkOperationId = details.bulkOperationId;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.partialDataUrl = details.partialDataUrl;
  }
}

/** The JSONL file of a bulk operation could not be downloaded or contained a line that is not a JSON object. */
export class ShopifyBulkJsonlError extends Error {
  readonly lineNumber: number | null;
  readonly status: number | null;

  constructor(message: string, details: { lineNumber?: number; status?: number; cause?: unknown } = {}) {
    super(message, { cause: details.cause });
    this.name = "ShopifyBulkJsonlError";
    this.lineNumber = details.lineNumber ?? null;
    this.status = details.status ?? null;
  }
}

// The one client every Admin GraphQL operation goes through, with Shopify's cost-based throttling handled in one place.
//
// Two ways in, same behaviour:
//  - adminApiFromGraphql(admin.graphql): inside a Remix route, wrapping what @shopify/shopify-app-remix hands us.
//  - adminApiFromEndpoint({...}): jobs, scripts, tests and the demo, talking HTTP (graphql-request) to Shopify or the stand-in.
//
// Retry rules, and why:
//  - THROTTLED (a 200 whose errors carry extensions.code "THROTTLED", or an HTTP 429) is retried for queries AND
//    mutations: Shopify refuses a throttled request before executing anything, so repeating it cannot apply it twice.
//    The wait is what the bucket needs: (requestedQueryCost - currentlyAvailable) / restoreRate seconds, never less
//    than an exponential floor, plus jitter so parallel workers do not wake up together.
//  - Network failures (refused/reset connection, `fetch failed`, timeouts) and HTTP 5xx are retried for queries only.
//    A mutation whose answer was lost may well have been applied (a discount code created, a discount deleted);
//    sending it again would either fail confusingly (TAKEN on our own code) or act twice. So mutations fail at once
//    with ShopifyNetworkError.mayHaveBeenApplied, and the caller checks the shop's state before deciding.
//  - GraphQL errors, other 4xx and user errors are never retried: the same request would fail the same way.
import { ClientError, GraphQLClient } from "graphql-request";

import {
  isRecord,
  readGraphqlErrors,
  readQueryCost,
  type QueryCost,
} from "./graphql-shapes.server";
import {
  ShopifyGraphqlError,
  ShopifyHttpError,
  ShopifyNetworkError,
  ShopifyThrottledError,
  ShopifyUnexpectedResponseError,
} from "./shopify-errors.server";

export { createThrottledQueue, type ThrottledQueue, type ThrottledQueueOptions } from "./throttled-queue.server";
export {
  ShopifyApiError,
  ShopifyGraphqlError,
  ShopifyHttpError,
  ShopifyNetworkError,
  ShopifyThrottledError,
  ShopifyUnexpectedResponseError,
  ShopifyUserError,
} from "./shopify-errors.server";

export const DEFAULT_ADMIN_API_VERSION = "2026-10";

/** The framework-free seam: run one Admin GraphQL operation and get its `data`, or a typed error. */
export interface AdminApi {
  request<TData>(operationSource: string, variables?: Record<string, unknown>): Promise<TData>;
}

/** Emitted before each retry, for logs and tests. */
export interface AdminApiRetryEvent {
  operationName: string;
  reason: "throttled" | "network";
  /** 1 for the first retry of this reason. */
  retry: number;
  delayMs: number;
}

export interface AdminApiRetryOptions {
  /** Total tries when Shopify answers THROTTLED, the first one included. Default 6. */
  maxThrottleAttempts?: number;
  /** Total tries of a query after a network failure or 5xx. Mutations always get exactly one. Default 3. */
  maxNetworkAttempts?: number;
  /** Floor of the first wait; doubles with every retry. Default 500 ms. */
  minDelayMs?: number;
  /** Ceiling of any single wait. Default 60 s. */
  maxDelayMs?: number;
  /** Each wait is stretched by up to this fraction, at random. Default 0.25. */
  jitterRatio?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1). Default Math.random. */
  random?: () => number;
  onRetry?: (event: AdminApiRetryEvent) => void;
}

/** The `admin.graphql` function that shopify-app-remix gives a route (only the part this seam uses). */
export type AdminGraphqlFunction = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;

export interface AdminApiEndpointOptions extends AdminApiRetryOptions {
  /** e.g. "creator-roi-demo.myshopify.com". */
  shopDomain: string;
  accessToken: string;
  /** Full GraphQL URL; defaults to https://<shopDomain>/admin/api/<apiVersion>/graphql.json. */
  endpoint?: string;
  apiVersion?: string;
  fetch?: typeof globalThis.fetch;
  /** A request that takes longer counts as a network failure. Default 30 s. */
  requestTimeoutMs?: number;
}

/** Wrap shopify-app-remix's `admin.graphql` so routes get the same retries and typed errors as jobs. */
export function adminApiFromGraphql(graphql: AdminGraphqlFunction, options: AdminApiRetryOptions = {}): AdminApi {
  return new RetryingAdminApi(graphqlFunctionTransport(graphql), options);
}

/** Talk to an Admin GraphQL endpoint over HTTP with an offline access token (jobs, scripts, the stand-in). */
export function adminApiFromEndpoint(options: AdminApiEndpointOptions): AdminApi {
  const apiVersion = options.apiVersion ?? DEFAULT_ADMIN_API_VERSION;
  const url = options.endpoint ?? `https://${options.shopDomain}/admin/api/${apiVersion}/graphql.json`;
  return new RetryingAdminApi(
    endpointTransport(url, options.accessToken, options.fetch, options.requestTimeoutMs ?? 30_000),
    options,
  );
}

/** Name and kind of the first operation in a document; the kind decides whether a lost answer may be retried. */
export function describeOperation(source: string): { name: string; isMutation: boolean } {
  const code = source
    .split("\n")
    .map((line) => line.replace(/#.*$/, ""))
    .join("\n")
    .trim();
  if (code.startsWith("{")) return { name: "anonymous query", isMutation: false };
  const match = /(?:^|\})\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/.exec(code);
  if (!match) return { name: "unparsed operation", isMutation: false };
  const kind = match[1] ?? "query";
  return { name: match[2] ?? `anonymous ${kind}`, isMutation: kind === "mutation" };
}

// ---------------------------------------------------------------------------------------------------------------

/** What a transport got back: an HTTP answer (any status) with its body normalised to {data, errors, extensions}. */
type TransportOutcome =
  | { kind: "answer"; status: number; body: NormalizedBody; bodyText: string; retryAfterSeconds: number | null }
  | { kind: "network"; cause: unknown };

interface NormalizedBody {
  data: unknown;
  errors: unknown;
  extensions: unknown;
}

type Transport = (source: string, variables: Record<string, unknown> | undefined) => Promise<TransportOutcome>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class RetryingAdminApi implements AdminApi {
  private readonly maxThrottleAttempts: number;
  private readonly maxNetworkAttempts: number;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly jitterRatio: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly onRetry: ((event: AdminApiRetryEvent) => void) | undefined;
  /** While set, every request of this client waits: one throttled answer means the shared bucket is empty for all. */
  private gate: Promise<void> | null = null;

  constructor(
    private readonly transport: Transport,
    options: AdminApiRetryOptions,
  ) {
    this.maxThrottleAttempts = positiveInteger(options.maxThrottleAttempts ?? 6, "maxThrottleAttempts");
    this.maxNetworkAttempts = positiveInteger(options.maxNetworkAttempts ?? 3, "maxNetworkAttempts");
    this.minDelayMs = options.minDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.jitterRatio = options.jitterRatio ?? 0.25;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.onRetry = options.onRetry;
  }

  async request<TData>(operationSource: string, variables?: Record<string, unknown>): Promise<TData> {
    const { name, isMutation } = describeOperation(operationSource);
    let throttledTries = 0;
    let failedTries = 0;

    for (;;) {
      while (this.gate) await this.gate;
      const outcome = await this.transport(operationSource, variables);

      if (outcome.kind === "network" || outcome.status >= 500) {
        const status = outcome.kind === "network" ? null : outcome.status;
        failedTries += 1;
        if (isMutation || failedTries >= this.maxNetworkAttempts) {
          throw new ShopifyNetworkError(name, {
            attempts: failedTries,
            status,
            isMutation,
            cause: outcome.kind === "network" ? outcome.cause : undefined,
          });
        }
        const delayMs = this.withJitter(Math.min(this.maxDelayMs, this.minDelayMs * 2 ** (failedTries - 1)));
        this.onRetry?.({ operationName: name, reason: "network", retry: failedTries, delayMs });
        await this.sleep(delayMs);
        continue;
      }

      const errors = readGraphqlErrors(outcome.body.errors);
      const cost = readQueryCost(outcome.body.extensions);
      const throttled = outcome.status === 429 || errors.some((e) => e.extensions?.code === "THROTTLED");
      if (throttled) {
        throttledTries += 1;
        const delayMs = this.throttleDelayMs(cost, throttledTries, outcome.retryAfterSeconds);
        if (throttledTries >= this.maxThrottleAttempts) {
          throw new ShopifyThrottledError(name, throttledTries, cost?.throttleStatus ?? null, delayMs);
        }
        this.onRetry?.({ operationName: name, reason: "throttled", retry: throttledTries, delayMs });
        this.holdAllRequests(delayMs);
        continue;
      }

      if (outcome.status < 200 || outcome.status >= 300) {
        throw new ShopifyHttpError(name, outcome.status, outcome.bodyText);
      }
      if (errors.length > 0) throw new ShopifyGraphqlError(name, errors);
      if (!isRecord(outcome.body.data)) {
        throw new ShopifyUnexpectedResponseError(`Shopify ${name}: the answer has no data`, name);
      }
      this.slowDownWhenBucketIsLow(cost);
      return outcome.body.data as TData;
    }
  }

  /** Time for the bucket to hold this operation's cost again, never below the exponential floor, capped, jittered. */
  private throttleDelayMs(cost: QueryCost | null, throttledTries: number, retryAfterSeconds: number | null): number {
    const floor = this.minDelayMs * 2 ** (throttledTries - 1);
    let refill = 0;
    if (retryAfterSeconds !== null) {
      refill = retryAfterSeconds * 1000;
    } else if (cost?.throttleStatus && cost.throttleStatus.restoreRate > 0) {
      const deficit = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
      refill = Math.ceil((Math.max(0, deficit) / cost.throttleStatus.restoreRate) * 1000);
    }
    return this.withJitter(Math.min(this.maxDelayMs, Math.max(floor, refill)));
  }

  /** After a success, if the bucket could not pay for the same operation again, let it refill before the next one. */
  private slowDownWhenBucketIsLow(cost: QueryCost | null): void {
    const status = cost?.throttleStatus;
    if (!cost || !status || status.restoreRate <= 0) return;
    const deficit = cost.requestedQueryCost - status.currentlyAvailable;
    if (deficit <= 0) return;
    this.holdAllRequests(Math.min(this.maxDelayMs, Math.ceil((deficit / status.restoreRate) * 1000)));
  }

  private holdAllRequests(ms: number): void {
    const previous = this.gate;
    const gate: Promise<void> = Promise.all([previous, this.sleep(ms)]).then(() => {
      if (this.gate === gate) this.gate = null;
    });
    this.gate = gate;
  }

  private withJitter(ms: number): number {
    return Math.round(ms * (1 + this.jitterRatio * this.random()));
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function parseRetryAfter(value: string | null | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Bring both body shapes to {data, errors, extensions}: plain GraphQL (`errors` is an array) and
 * @shopify/admin-api-client's ClientResponse (`errors` is an object holding `graphQLErrors`).
 */
function normalizeBody(body: unknown): NormalizedBody {
  if (!isRecord(body)) return { data: undefined, errors: undefined, extensions: undefined };
  let errors: unknown = body.errors;
  if (isRecord(errors)) {
    if (Array.isArray(errors.graphQLErrors)) errors = errors.graphQLErrors;
    else if (typeof errors.message === "string") errors = [{ message: errors.message }];
  } else if (typeof errors === "string") {
    errors = [{ message: errors }];
  }
  return { data: body.data, errors, extensions: body.extensions };
}

const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Is this thrown value a transport failure (no usable HTTP answer), as opposed to a bug to let through? */
function isNetworkFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = isRecord(current) && typeof current.code === "string" ? current.code : undefined;
    if (code && NETWORK_ERROR_CODES.has(code)) return true;
    if (current.name === "TimeoutError" || current.constructor.name === "HttpRequestError") return true;
    if (/fetch failed|socket hang up|other side closed|network error|terminated/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

function endpointTransport(
  url: string,
  accessToken: string,
  fetchImpl: typeof globalThis.fetch | undefined,
  requestTimeoutMs: number,
): Transport {
  const client = new GraphQLClient(url, {
    headers: { "X-Shopify-Access-Token": accessToken },
    // errorPolicy "all": a 200 with GraphQL errors (THROTTLED among them) comes back as data, not as a throw.
    errorPolicy: "all",
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return async (source, variables) => {
    try {
      const response = await client.rawRequest<unknown>({
        query: source,
        variables: variables ?? {},
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      return {
        kind: "answer",
        status: response.status,
        body: { data: response.data, errors: response.errors, extensions: response.extensions },
        bodyText: "",
        retryAfterSeconds: null,
      };
    } catch (error) {
      if (error instanceof ClientError) {
        const answer = error.response;
        return {
          kind: "answer",
          status: answer.status,
          body: normalizeBody(answer),
          bodyText: typeof answer.body === "string" ? answer.body : "",
          retryAfterSeconds: parseRetryAfter(answer.headers?.get("Retry-After")),
        };
      }
      if (isNetworkFailure(error)) return { kind: "network", cause: error };
      throw error;
    }
  };
}

function graphqlFunctionTransport(graphql: AdminGraphqlFunction): Transport {
  return async (source, variables) => {
    try {
      const response = await graphql(source, variables === undefined ? undefined : { variables });
      const text = await response.text();
      return {
        kind: "answer",
        status: response.status,
        body: normalizeBody(parseJson(text)),
        bodyText: text,
        retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
      };
    } catch (thrown) {
      return classifyThrownByAdminGraphql(thrown);
    }
  };
}

/**
 * What admin.graphql throws, mapped to an outcome:
 *  - GraphqlQueryError (@shopify/shopify-api): a 200 carrying GraphQL errors; `body` is the client response, cost included.
 *  - a Response: authenticate.admin's error handler turns HTTP errors into thrown Responses. 429 and 5xx are ours to
 *    retry; anything else (401 → re-authenticate) is rethrown untouched so Remix and shopify-app-remix handle it.
 *  - HttpResponseError (unauthenticated.admin has no such handler): `response.code` is the HTTP status.
 *  - HttpRequestError or a fetch TypeError: no answer at all, a network failure.
 */
async function classifyThrownByAdminGraphql(thrown: unknown): Promise<TransportOutcome> {
  if (thrown instanceof Response) {
    if (thrown.status !== 429 && thrown.status < 500) throw thrown;
    const text = await thrown.text().catch(() => "");
    return {
      kind: "answer",
      status: thrown.status,
      body: normalizeBody(parseJson(text)),
      bodyText: text,
      retryAfterSeconds: parseRetryAfter(thrown.headers.get("Retry-After")),
    };
  }
  if (thrown instanceof Error && isRecord(thrown)) {
    const body = thrown.body;
    if (isRecord(body) && isRecord(body.errors) && Array.isArray(body.errors.graphQLErrors)) {
      return { kind: "answer", status: 200, body: normalizeBody(body), bodyText: "", retryAfterSeconds: null };
    }
    const response = thrown.response;
    if (isRecord(response) && typeof response.code === "number") {
      const retryAfter = typeof response.retryAfter === "number" ? response.retryAfter : null;
      return {
        kind: "answer",
        status: response.code,
        body: normalizeBody(response.body),
        bodyText: JSON.stringify(response.body ?? null),
        retryAfterSeconds: retryAfter,
      };
    }
  }
  if (isNetworkFailure(thrown)) return { kind: "network", cause: thrown };
  throw thrown;
}

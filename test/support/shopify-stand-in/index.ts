// A local stand-in for the few Shopify Admin GraphQL operations Creator ROI uses, served over real HTTP (node:http
// only, no dependency) so that the app's seam is exercised exactly as against Shopify: tests and `npm run demo`.
//
// Addressing: Shopify picks the shop from the Host header (https://<shop>/admin/api/<version>/graphql.json), which a
// local server cannot do, so the shop travels as a query parameter:
//     POST <url>/admin/api/2026-10/graphql.json?shop=<shop>.myshopify.com
// endpointFor(shop) returns that URL, to pass as `endpoint` to adminApiFromEndpoint. The X-Shopify-Access-Token
// header must be accessTokenFor(shop). Bulk results are served at <url>/bulk-results/<name>.jsonl.
//
// See README.md for the operations, the faults, and where the stand-in's wording is its own.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

import {
  bulkJsonlLines,
  type GraphqlError,
  KNOWN_OPERATION_NAMES,
  type OperationAnswer,
  OPERATIONS,
  type UserError,
} from "./operations";
import { StandInState, type StandInBulkOperation } from "./state";

export { buildStandInOrder, moneyBag, visitWithUtm } from "./build-order";
export { CODE_TAKEN_MESSAGE, KNOWN_OPERATION_NAMES } from "./operations";
export type {
  SeedDiscountInput,
  SeedShopInput,
  StandInBulkOperation,
  StandInDiscount,
  StandInLineItem,
  StandInMoneyBag,
  StandInOrder,
  StandInShopInfo,
  StandInVariant,
  StandInVisit,
} from "./state";
export { StandInState } from "./state";

export const STAND_IN_API_VERSION = "2026-10";

export interface ShopifyStandInOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Polls of GetBulkOperation before an export reports COMPLETED (the first poll reports RUNNING). Default 2. */
  bulkPollsToComplete?: number;
  /** The cost bucket reported in extensions.cost. Defaults: 2000 points, restoring 100 per second. */
  throttle?: { maximumAvailable?: number; restoreRate?: number };
  now?: () => Date;
}

/** What failNext can make the next matching request do. */
export type StandInFault =
  /** A mutation answers with this single user error (nothing is applied). */
  | { kind: "user_error"; code: string; message: string; field?: string[] | null }
  /** Answer THROTTLED `times` times in a row (default 1), reporting `currentlyAvailable` points (default 0). */
  | { kind: "throttled"; times?: number; currentlyAvailable?: number }
  /** Destroy the socket without answering; with afterApply the operation is executed first (the answer is lost). */
  | { kind: "network"; afterApply?: boolean }
  /** Answer this HTTP status with a small body. */
  | { kind: "http"; status: number; body?: string; retryAfterSeconds?: number }
  /** Wait, then answer normally. */
  | { kind: "delay"; ms: number };

export interface StandInRequest {
  shop: string;
  operationName: string;
  variables: Record<string, unknown>;
  fault: StandInFault["kind"] | null;
}

export interface ShopifyStandIn {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  endpointFor(shopDomain: string): string;
  accessTokenFor(shopDomain: string): string;
  state: StandInState;
  /** Every GraphQL request received, in order. */
  readonly requests: readonly StandInRequest[];
  /** Queue a fault for the next request of `operationName` ("*" for any operation). Faults are used in order. */
  failNext(operationName: string, fault: StandInFault): void;
  /** Finish a bulk operation now (the latest of the shop when no id is given). */
  completeBulkOperation(shopDomain: string, bulkOperationId?: string): void;
  /** End a bulk operation FAILED with `errorCode`; withPartialData offers half of its rows at partialDataUrl. */
  failBulkOperation(shopDomain: string, bulkOperationId: string, errorCode?: string, withPartialData?: boolean): void;
  /** Forget all shops, faults and requests; id counters restart. */
  reset(): void;
  close(): Promise<void>;
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const GRAPHQL_PATH = `/admin/api/${STAND_IN_API_VERSION}/graphql.json`;
// Shopify's answer to a missing or wrong access token.
const INVALID_TOKEN_BODY = '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The first operation's name in a document (after `#` comments), or null for an anonymous one. */
function operationNameOf(source: string): string | null {
  const code = source
    .split("\n")
    .map((line) => line.replace(/#.*$/, ""))
    .join("\n");
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(code)?.[1] ?? null;
}

/** Start the stand-in on `host:port` (port 0 = any free port). */
export async function startShopifyStandIn(options: ShopifyStandInOptions = {}): Promise<ShopifyStandIn> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? (() => new Date());
  const maximumAvailable = options.throttle?.maximumAvailable ?? 2000;
  const restoreRate = options.throttle?.restoreRate ?? 100;
  const bulkPollsToComplete = options.bulkPollsToComplete ?? 2;
  const state = new StandInState();
  const faults = new Map<string, StandInFault[]>();
  const requests: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  let baseUrl = "";

  const accessTokenFor = (shop: string) => `shpat_stand_in_${shop.replace(/[^a-z0-9]+/gi, "_")}`;

  function takeFault(name: string): StandInFault | null {
    for (const key of [name, "*"]) {
      const queue = faults.get(key);
      const fault = queue?.shift();
      if (fault) return fault;
    }
    return null;
  }

  function cost(requested: number, actual: number | null, currentlyAvailable: number) {
    return {
      cost: {
        requestedQueryCost: requested,
        actualQueryCost: actual,
        throttleStatus: { maximumAvailable, currentlyAvailable, restoreRate },
      },
    };
  }

  function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
    res.end(body);
  }

  async function serveJsonl(res: http.ServerResponse, operation: StandInBulkOperation, partial: boolean): Promise<void> {
    res.writeHead(200, { "Content-Type": "application/jsonl" });
    for (const line of bulkJsonlLines(operation, partial)) {
      if (!res.write(`${line}\n`)) await new Promise<void>((resolve) => res.once("drain", resolve));
    }
    res.end();
  }

  async function handleGraphql(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const shopDomain = url.searchParams.get("shop") ?? "";
    if (!SHOP_DOMAIN.test(shopDomain)) {
      send(res, 400, JSON.stringify({ errors: "Stand-in: add ?shop=<name>.myshopify.com to the endpoint URL" }));
      return;
    }
    if (req.headers["x-shopify-access-token"] !== accessTokenFor(shopDomain)) {
      send(res, 401, INVALID_TOKEN_BODY);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      send(res, 400, JSON.stringify({ errors: { query: "Required parameter missing or invalid" } }));
      return;
    }
    const source = typeof body.query === "string" ? body.query : "";
    const variables =
      typeof body.variables === "object" && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
    const name = (typeof body.operationName === "string" && body.operationName) || operationNameOf(source) || "";
    const spec = OPERATIONS[name];
    const fault = spec ? takeFault(name) : null;
    requests.push({ shop: shopDomain, operationName: name || "(anonymous)", variables, fault: fault?.kind ?? null });

    if (!spec) {
      const errors: GraphqlError[] = [
        {
          message: `Stand-in: operation "${name || "(anonymous)"}" is not implemented; known: ${KNOWN_OPERATION_NAMES.join(", ")}`,
          extensions: { code: "STAND_IN_UNKNOWN_OPERATION" },
        },
      ];
      send(res, 200, JSON.stringify({ errors }));
      return;
    }

    const requested = spec.requestedCost(variables);
    const run = (): OperationAnswer =>
      spec.handle({ state, shop: state.shop(shopDomain), variables, source, now, baseUrl, bulkPollsToComplete });

    if (fault) {
      switch (fault.kind) {
        case "throttled":
          send(
            res,
            200,
            JSON.stringify({
              errors: [
                {
                  message: "Throttled",
                  extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
                },
              ],
              extensions: cost(requested, null, fault.currentlyAvailable ?? 0),
            }),
          );
          return;
        case "network":
          if (fault.afterApply) run();
          req.socket.destroy();
          return;
        case "http":
          send(
            res,
            fault.status,
            fault.body ?? JSON.stringify({ errors: `Stand-in HTTP ${fault.status}` }),
            fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {},
          );
          return;
        case "user_error": {
          const userError: UserError = { field: fault.field ?? null, message: fault.message, code: fault.code };
          send(res, 200, JSON.stringify({ data: spec.refuse!([userError]), extensions: cost(requested, requested, maximumAvailable - requested) }));
          return;
        }
        case "delay":
          await sleep(fault.ms);
          if (res.destroyed) return;
          break;
      }
    }

    const answer = run();
    const actual = answer.errors ? requested : (answer.actualCost ?? requested);
    send(res, 200, JSON.stringify({ ...answer, extensions: cost(requested, actual, maximumAvailable - actual) }));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in.local");
    const done = (error: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ errors: `Stand-in bug: ${String(error)}` }));
      else res.destroy();
    };
    if (req.method === "POST" && url.pathname === GRAPHQL_PATH) {
      handleGraphql(req, res, url).catch(done);
      return;
    }
    const bulk = /^\/bulk-results\/([\w.-]+)\.jsonl$/.exec(url.pathname);
    if (req.method === "GET" && bulk) {
      const operation = state.bulkOperationByToken(bulk[1] ?? "");
      const partial = url.searchParams.get("partial") === "1";
      if (!operation || (partial ? !operation.partialData : operation.status !== "COMPLETED")) {
        send(res, 404, JSON.stringify({ errors: "Not Found" }));
        return;
      }
      serveJsonl(res, operation, partial).catch(done);
      return;
    }
    send(res, 404, JSON.stringify({ errors: "Not Found" }));
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  function bulkOperation(shopDomain: string, id?: string): StandInBulkOperation {
    const operations = [...state.shop(shopDomain).bulkOperations.values()];
    const operation = id ? state.shop(shopDomain).bulkOperations.get(id) : operations[operations.length - 1];
    if (!operation) throw new Error(`Stand-in: no bulk operation ${id ?? "at all"} in ${shopDomain}`);
    return operation;
  }

  return {
    url: baseUrl,
    endpointFor: (shopDomain) => `${baseUrl}${GRAPHQL_PATH}?shop=${encodeURIComponent(shopDomain)}`,
    accessTokenFor,
    state,
    requests,
    failNext(operationName, fault) {
      const spec = OPERATIONS[operationName];
      if (operationName !== "*" && !spec) {
        throw new Error(`Stand-in: cannot fail unknown operation "${operationName}"; known: ${KNOWN_OPERATION_NAMES.join(", ")}`);
      }
      if (fault.kind === "user_error" && spec?.kind !== "mutation") {
        throw new Error(`Stand-in: a user_error fault needs a mutation, not "${operationName}"`);
      }
      const queue = faults.get(operationName) ?? [];
      const times = fault.kind === "throttled" ? (fault.times ?? 1) : 1;
      for (let i = 0; i < times; i += 1) queue.push(fault);
      faults.set(operationName, queue);
    },
    completeBulkOperation(shopDomain, id) {
      const operation = bulkOperation(shopDomain, id);
      operation.status = "COMPLETED";
      operation.completedAt = now().toISOString().replace(/\.\d{3}Z$/, "Z");
    },
    failBulkOperation(shopDomain, id, errorCode = "INTERNAL_SERVER_ERROR", withPartialData = false) {
      const operation = bulkOperation(shopDomain, id);
      operation.status = "FAILED";
      operation.errorCode = errorCode;
      operation.partialData = withPartialData;
    },
    reset() {
      state.reset();
      faults.clear();
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

// The Admin GraphQL operations the stand-in answers, keyed by operation name. It does not execute GraphQL: each
// known operation gets the full shape that the app's document for it selects, computed from in-memory state.
import type { StandInBulkOperation, StandInDiscount, StandInOrder, StandInShop, StandInState } from "./state";

export interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface OperationContext {
  state: StandInState;
  shop: StandInShop;
  variables: Record<string, unknown>;
  /** The raw document, for arguments written inline (groupObjects). */
  source: string;
  now: () => Date;
  baseUrl: string;
  bulkPollsToComplete: number;
}

export interface OperationAnswer {
  data?: Record<string, unknown>;
  errors?: GraphqlError[];
  /** Cost actually charged; defaults to the requested cost. */
  actualCost?: number;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
  extraInfo?: null;
}

export interface OperationSpec {
  kind: "query" | "mutation";
  /** Requested cost, known before running (what Shopify reports when it throttles). */
  requestedCost(variables: Record<string, unknown>): number;
  handle(context: OperationContext): OperationAnswer;
  /** For mutations: the answer carrying these userErrors (used by handlers and by the user_error fault). */
  refuse?(userErrors: UserError[]): Record<string, unknown>;
}

// Shopify's wording for a duplicate code (DiscountErrorCode TAKEN), as returned by discountCodeBasicCreate.
export const CODE_TAKEN_MESSAGE = "Code must be unique. Please try a different code.";

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isoNow(now: () => Date): string {
  return now().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function discountNode(discount: StandInDiscount): Record<string, unknown> {
  return {
    id: discount.id,
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: discount.title,
      status: discount.status,
      codes: { nodes: [{ code: discount.code }] },
    },
  };
}

function statusFor(startsAt: string, endsAt: string | null, now: Date): StandInDiscount["status"] {
  if (Date.parse(startsAt) > now.getTime()) return "SCHEDULED";
  if (endsAt !== null && Date.parse(endsAt) <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

function discountRefusal(payloadField: string): (userErrors: UserError[]) => Record<string, unknown> {
  return (userErrors) => ({ [payloadField]: { codeDiscountNode: null, userErrors: userErrors.map(withExtraInfo) } });
}

function withExtraInfo(error: UserError): UserError {
  return { field: error.field, message: error.message, code: error.code, extraInfo: null };
}

const unknownDiscount = (id: unknown): UserError => ({
  field: ["id"],
  message: `Discount ${String(id)} does not exist`,
  code: "INVALID",
});

/** Validate DiscountCodeBasicInput the way Shopify would refuse it; an empty list means it is acceptable. */
function basicInputErrors(shop: StandInShop, input: Record<string, unknown>): UserError[] {
  const errors: UserError[] = [];
  const code = typeof input.code === "string" ? input.code.trim() : "";
  if (code === "") errors.push({ field: ["basicCodeDiscount", "code"], message: "Code can't be blank", code: "BLANK" });
  if (typeof input.title !== "string" || input.title.trim() === "") {
    errors.push({ field: ["basicCodeDiscount", "title"], message: "Title can't be blank", code: "BLANK" });
  }
  if (typeof input.startsAt !== "string" || Number.isNaN(Date.parse(input.startsAt))) {
    errors.push({ field: ["basicCodeDiscount", "startsAt"], message: "Starts at is invalid", code: "INVALID" });
  }
  const context = record(input.context);
  const selection = record(input.customerSelection);
  if (context.all !== "ALL" && selection.all !== true) {
    errors.push({ field: ["basicCodeDiscount", "context"], message: "Context can't be blank", code: "BLANK" });
  }
  const gets = record(input.customerGets);
  const value = record(gets.value);
  const hasPercentage = typeof value.percentage === "number";
  const amount = record(value.discountAmount).amount;
  const hasAmount = typeof amount === "string" && /^\d+(\.\d+)?$/.test(amount);
  if (hasPercentage === hasAmount) {
    errors.push({ field: ["basicCodeDiscount", "customerGets", "value"], message: "Value is invalid", code: "INVALID" });
  } else if (hasPercentage && !((value.percentage as number) > 0 && (value.percentage as number) <= 1)) {
    errors.push({
      field: ["basicCodeDiscount", "customerGets", "value", "percentage"],
      message: "Percentage must be between 0 and 1",
      code: "VALUE_OUTSIDE_RANGE",
    });
  }
  if (record(gets.items).all !== true) {
    errors.push({ field: ["basicCodeDiscount", "customerGets", "items"], message: "Items is invalid", code: "INVALID" });
  }
  if (code !== "" && shop.discountByCode(code)) {
    errors.push({ field: ["basicCodeDiscount", "code"], message: CODE_TAKEN_MESSAGE, code: "TAKEN" });
  }
  return errors;
}

// --- orders search ------------------------------------------------------------------------------------------------

type Comparison = ">" | ">=" | "<" | "<=";
interface DateFilter {
  field: "updated_at" | "created_at" | "processed_at";
  comparison: Comparison;
  at: number;
}

const FILTER = /\b(updated_at|created_at|processed_at):(>=|<=|>|<)'([^']+)'/g;

/** Parse the date filters of a Shopify search string; anything else in it is refused rather than ignored. */
export function parseDateFilters(query: string): DateFilter[] | GraphqlError {
  const filters: DateFilter[] = [];
  for (const match of query.matchAll(FILTER)) {
    const at = Date.parse(match[3] ?? "");
    if (Number.isNaN(at)) return { message: `Stand-in: invalid date in search filter "${match[0]}"` };
    filters.push({ field: match[1] as DateFilter["field"], comparison: match[2] as Comparison, at });
  }
  const rest = query.replace(FILTER, " ").replace(/\bAND\b/g, " ").trim();
  if (rest !== "") return { message: `Stand-in: cannot evaluate search syntax "${rest}"` };
  return filters;
}

function orderField(order: StandInOrder, field: DateFilter["field"]): number {
  return Date.parse(field === "updated_at" ? order.updatedAt : field === "created_at" ? order.createdAt : order.processedAt);
}

function matches(order: StandInOrder, filters: readonly DateFilter[]): boolean {
  return filters.every((f) => {
    const value = orderField(order, f.field);
    if (f.comparison === ">") return value > f.at;
    if (f.comparison === ">=") return value >= f.at;
    if (f.comparison === "<") return value < f.at;
    return value <= f.at;
  });
}

function numericId(gid: string): bigint {
  const digits = /(\d+)$/.exec(gid)?.[1];
  return digits ? BigInt(digits) : 0n;
}

function byUpdatedThenId(a: StandInOrder, b: StandInOrder): number {
  const diff = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (diff !== 0) return diff;
  const ia = numericId(a.id);
  const ib = numericId(b.id);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

function encodeCursor(order: StandInOrder): string {
  return Buffer.from(JSON.stringify([order.updatedAt, order.id])).toString("base64url");
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { updatedAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  return null;
}

/** The order as the orders connection returns it: line items are a separate connection the app does not select. */
export function orderNode(order: StandInOrder): Record<string, unknown> {
  const { lineItems: _lineItems, ...node } = order;
  return node;
}

// --- bulk operations ---------------------------------------------------------------------------------------------

function bulkObjectCount(operation: StandInBulkOperation): number {
  return operation.orders.reduce((sum, order) => sum + 1 + order.lineItems.length, 0);
}

export function bulkResultUrl(baseUrl: string, operation: StandInBulkOperation, partial = false): string {
  return `${baseUrl}/bulk-results/${operation.resultToken}.jsonl${partial ? "?partial=1" : ""}`;
}

export function bulkOperationNode(operation: StandInBulkOperation, baseUrl: string): Record<string, unknown> {
  const completed = operation.status === "COMPLETED";
  const count = completed ? bulkObjectCount(operation) : operation.status === "RUNNING" ? Math.floor(bulkObjectCount(operation) / 2) : 0;
  return {
    id: operation.id,
    status: operation.status,
    errorCode: operation.errorCode,
    objectCount: String(count),
    // Shopify gives no URL for an export with no objects.
    url: completed && operation.orders.length > 0 ? bulkResultUrl(baseUrl, operation) : null,
    partialDataUrl: operation.partialData ? bulkResultUrl(baseUrl, operation, true) : null,
    createdAt: operation.createdAt,
    completedAt: operation.completedAt,
  };
}

/** JSONL lines of an export: with groupObjects, children follow their parent; without, they all come at the end. */
export function* bulkJsonlLines(operation: StandInBulkOperation, partial = false): Generator<string, void, undefined> {
  const orders = partial ? operation.orders.slice(0, Math.floor(operation.orders.length / 2)) : operation.orders;
  const child = (order: StandInOrder) => order.lineItems.map((item) => JSON.stringify({ ...item, variant: item.variant ?? null, __parentId: order.id }));
  if (operation.groupObjects) {
    for (const order of orders) {
      yield JSON.stringify(orderNode(order));
      yield* child(order);
    }
    return;
  }
  for (const order of orders) yield JSON.stringify(orderNode(order));
  for (const order of [...orders].reverse()) yield* child(order);
}

const PAGE_SIZE_ERROR: GraphqlError = { message: "The first argument must be an integer from 1 to 250", extensions: { code: "BAD_REQUEST" } };

function isPageSize(first: unknown): first is number {
  return typeof first === "number" && Number.isInteger(first) && first >= 1 && first <= 250;
}

// --- the operations ----------------------------------------------------------------------------------------------

export const OPERATIONS: Record<string, OperationSpec> = {
  CreateBasicDiscountCode: {
    kind: "mutation",
    requestedCost: () => 10,
    refuse: discountRefusal("discountCodeBasicCreate"),
    handle({ state, shop, variables, now }) {
      const input = record(variables.basicCodeDiscount);
      const errors = basicInputErrors(shop, input);
      if (errors.length > 0) return { data: discountRefusal("discountCodeBasicCreate")(errors) };
      const startsAt = input.startsAt as string;
      const endsAt = typeof input.endsAt === "string" ? input.endsAt : null;
      const discount: StandInDiscount = {
        id: state.newDiscountId(),
        title: (input.title as string).trim(),
        code: (input.code as string).trim(),
        status: statusFor(startsAt, endsAt, now()),
        startsAt,
        endsAt,
        input: structuredClone(input),
      };
      shop.discounts.set(discount.id, discount);
      return { data: { discountCodeBasicCreate: { codeDiscountNode: discountNode(discount), userErrors: [] } } };
    },
  },

  FindDiscountByCode: {
    kind: "query",
    requestedCost: () => 2,
    handle({ shop, variables }) {
      const found = typeof variables.code === "string" ? shop.discountByCode(variables.code) : undefined;
      return { data: { codeDiscountNodeByCode: found ? discountNode(found) : null }, actualCost: found ? 2 : 1 };
    },
  },

  ActivateDiscountCode: {
    kind: "mutation",
    requestedCost: () => 10,
    refuse: discountRefusal("discountCodeActivate"),
    handle({ shop, variables, now }) {
      const discount = typeof variables.id === "string" ? shop.discounts.get(variables.id) : undefined;
      if (!discount) return { data: discountRefusal("discountCodeActivate")([unknownDiscount(variables.id)]) };
      if (discount.endsAt !== null && Date.parse(discount.endsAt) <= now().getTime()) discount.endsAt = null;
      discount.status = statusFor(discount.startsAt, discount.endsAt, now());
      return { data: { discountCodeActivate: { codeDiscountNode: discountNode(discount), userErrors: [] } } };
    },
  },

  DeactivateDiscountCode: {
    kind: "mutation",
    requestedCost: () => 10,
    refuse: discountRefusal("discountCodeDeactivate"),
    handle({ shop, variables, now }) {
      const discount = typeof variables.id === "string" ? shop.discounts.get(variables.id) : undefined;
      if (!discount) return { data: discountRefusal("discountCodeDeactivate")([unknownDiscount(variables.id)]) };
      discount.endsAt = isoNow(now);
      discount.status = "EXPIRED";
      return { data: { discountCodeDeactivate: { codeDiscountNode: discountNode(discount), userErrors: [] } } };
    },
  },

  DeleteDiscountCode: {
    kind: "mutation",
    requestedCost: () => 10,
    refuse: (userErrors) => ({ discountCodeDelete: { deletedCodeDiscountId: null, userErrors: userErrors.map(withExtraInfo) } }),
    handle({ shop, variables }) {
      const id = typeof variables.id === "string" ? variables.id : "";
      if (!shop.discounts.delete(id)) {
        return { data: { discountCodeDelete: { deletedCodeDiscountId: null, userErrors: [withExtraInfo(unknownDiscount(variables.id))] } } };
      }
      return { data: { discountCodeDelete: { deletedCodeDiscountId: id, userErrors: [] } } };
    },
  },

  GetShopInfo: {
    kind: "query",
    requestedCost: () => 1,
    handle({ shop }) {
      const info = shop.info;
      return {
        data: {
          shop: {
            name: info.name,
            myshopifyDomain: info.myshopifyDomain,
            primaryDomain: { host: info.primaryDomainHost, url: info.primaryDomainUrl },
            currencyCode: info.currencyCode,
            ianaTimezone: info.ianaTimezone,
          },
        },
      };
    },
  },

  ListOrdersUpdatedSince: {
    kind: "query",
    // A connection costs about 2 plus its page size times each node's objects (order, money bags, journey...).
    requestedCost: (variables) => 2 + (typeof variables.first === "number" ? variables.first : 0) * 4,
    handle({ shop, variables }) {
      const first = variables.first;
      if (!isPageSize(first)) return { errors: [PAGE_SIZE_ERROR] };
      const filters = parseDateFilters(typeof variables.query === "string" ? variables.query : "");
      if (!Array.isArray(filters)) return { errors: [filters] };
      let ordered = shop.orders.filter((o) => matches(o, filters)).sort(byUpdatedThenId);
      if (typeof variables.after === "string") {
        const cursor = decodeCursor(variables.after);
        if (!cursor) return { errors: [{ message: "Invalid cursor for current pagination sort.", extensions: { code: "BAD_REQUEST" } }] };
        const pivot = { updatedAt: cursor.updatedAt, id: cursor.id } as StandInOrder;
        ordered = ordered.filter((o) => byUpdatedThenId(o, pivot) > 0);
      }
      const page = ordered.slice(0, first);
      const last = page[page.length - 1];
      return {
        data: {
          orders: {
            pageInfo: { hasNextPage: ordered.length > page.length, endCursor: last ? encodeCursor(last) : null },
            nodes: page.map(orderNode),
          },
        },
        actualCost: 2 + page.length * 4,
      };
    },
  },

  ListVariantCosts: {
    kind: "query",
    // Each variant brings its inventory item and unit cost.
    requestedCost: (variables) => 2 + (typeof variables.first === "number" ? variables.first : 0) * 3,
    handle({ shop, variables }) {
      const first = variables.first;
      if (!isPageSize(first)) return { errors: [PAGE_SIZE_ERROR] };
      let start = 0;
      if (typeof variables.after === "string") {
        const afterId = Buffer.from(variables.after, "base64url").toString("utf8");
        const index = shop.variants.findIndex((v) => v.id === afterId);
        if (index === -1) return { errors: [{ message: "Invalid cursor for current pagination sort.", extensions: { code: "BAD_REQUEST" } }] };
        start = index + 1;
      }
      const page = shop.variants.slice(start, start + first);
      const last = page[page.length - 1];
      return {
        data: {
          productVariants: {
            pageInfo: { hasNextPage: start + page.length < shop.variants.length, endCursor: last ? Buffer.from(last.id).toString("base64url") : null },
            nodes: page.map((v) => ({
              id: v.id,
              inventoryItem: { id: v.inventoryItemId, updatedAt: v.updatedAt, unitCost: v.unitCost ? { ...v.unitCost } : null },
            })),
          },
        },
        actualCost: 2 + page.length * 3,
      };
    },
  },

  RunBulkOrdersExport: {
    kind: "mutation",
    requestedCost: () => 10,
    refuse: (userErrors) => ({
      bulkOperationRunQuery: {
        bulkOperation: null,
        userErrors: userErrors.map((e) => ({ field: e.field, message: e.message, code: e.code })),
      },
    }),
    handle({ state, shop, variables, source, now, baseUrl }) {
      const query = typeof variables.query === "string" ? variables.query : "";
      const refuse = OPERATIONS.RunBulkOrdersExport!.refuse!;
      const filterText = /orders\s*\(\s*query:\s*"([^"]*)"/.exec(query)?.[1];
      if (!/^\s*\{\s*orders\b/.test(query)) {
        return { data: refuse([{ field: ["query"], message: "Stand-in: only an orders export is supported", code: "INVALID" }]) };
      }
      const filters = parseDateFilters(filterText ?? "");
      if (!Array.isArray(filters)) return { data: refuse([{ field: ["query"], message: filters.message, code: "INVALID" }]) };
      const id = state.newBulkOperationId();
      const operation: StandInBulkOperation = {
        id,
        shop: shop.domain,
        status: "CREATED",
        errorCode: null,
        createdAt: isoNow(now),
        completedAt: null,
        polls: 0,
        groupObjects: /groupObjects:\s*true/.test(source),
        query,
        orders: structuredClone(shop.orders.filter((o) => matches(o, filters)).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))),
        resultToken: `${shop.domain.replace(/\W+/g, "-")}-${numericId(id)}`,
        partialData: false,
      };
      shop.bulkOperations.set(operation.id, operation);
      return { data: { bulkOperationRunQuery: { bulkOperation: bulkOperationNode(operation, baseUrl), userErrors: [] } } };
    },
  },

  GetBulkOperation: {
    kind: "query",
    requestedCost: () => 1,
    handle({ shop, variables, now, baseUrl, bulkPollsToComplete }) {
      const operation = typeof variables.id === "string" ? shop.bulkOperations.get(variables.id) : undefined;
      if (!operation) return { data: { node: null } };
      operation.polls += 1;
      if (operation.status === "CREATED") operation.status = "RUNNING";
      if (operation.status === "RUNNING" && operation.polls >= bulkPollsToComplete) {
        operation.status = "COMPLETED";
        operation.completedAt = isoNow(now);
      }
      return { data: { node: bulkOperationNode(operation, baseUrl) } };
    },
  },
};

/** Operation names the stand-in knows; the app's documents must use exactly these. */
export const KNOWN_OPERATION_NAMES: readonly string[] = Object.keys(OPERATIONS);

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { ShopifyUserError } from "~/shopify/admin-api.server";
import {
  buildBulkOrdersQuery,
  getBulkOperation,
  readBulkOrdersExport,
  startBulkOrdersExport,
  waitForBulkOperation,
  type ExportedOrder,
} from "~/shopify/run-bulk-orders-export.server";
import { ShopifyBulkJsonlError, ShopifyBulkOperationError, ShopifyInputError } from "~/shopify/shopify-errors.server";
import { groupBulkJsonlRows, splitLines, streamBulkJsonl, type BulkJsonlRow } from "~/shopify/stream-bulk-jsonl.server";

import { buildStandInOrder, moneyBag, type ShopifyStandIn, type StandInOrder } from "../../support/shopify-stand-in";
import { recordingApi, SHOP, startStandIn } from "./harness";

let standIn: ShopifyStandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

/** Order n has n % 4 line items (0 to 3), the i-th costing i × 10.00; the second is a custom item (no variant). */
function orderWithItems(n: number): StandInOrder {
  const items = Array.from({ length: n % 4 }, (_, i) => ({
    id: `gid://shopify/LineItem/${n * 10 + i + 1}`,
    quantity: i + 1,
    originalTotalSet: moneyBag(`${(i + 1) * 10}.00`),
    variant: i === 1 ? null : { id: `gid://shopify/ProductVariant/${300 + i}` },
  }));
  return buildStandInOrder(n, { lineItems: items });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

describe("bulk orders export against the stand-in", () => {
  test("2,000 orders, 1,800 since the cut-off: RUNNING, then COMPLETED, then 4,500 JSONL lines read back as orders with their line items", async () => {
    standIn.state.seedOrders(SHOP, Array.from({ length: 2000 }, (_, i) => orderWithItems(i + 1)));
    const { api } = recordingApi(standIn);
    // Order n is created at 2026-01-01T00:00Z + n hours: the cut-off keeps orders 201 to 2000.
    const started = await startBulkOrdersExport(api, { createdSince: new Date("2026-01-09T08:30:00Z") });
    expect(started).toMatchObject({ id: "gid://shopify/BulkOperation/5000000001", status: "CREATED", url: null, objectCount: 0 });
    expect(standIn.state.shop(SHOP).bulkOperations.get(started.id)?.groupObjects).toBe(true);

    const polls: number[] = [];
    const running = await getBulkOperation(api, started.id);
    expect(running?.status).toBe("RUNNING");
    const done = await waitForBulkOperation(api, started.id, { pollIntervalMs: 1000, sleep: async (ms) => void polls.push(ms) });
    expect(polls).toEqual([]);
    // 1,800 orders; items: orders 201..2000 hold 0+1+2+3 per 4 orders → 450 × 6 = 2,700.
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: 4500, errorCode: null, partialDataUrl: null });
    expect(done.url).toMatch(/\/bulk-results\/.+\.jsonl$/);

    let orders = 0;
    let items = 0;
    let first: ExportedOrder | undefined;
    let last: ExportedOrder | undefined;
    for await (const exported of readBulkOrdersExport(done.url!)) {
      orders += 1;
      items += exported.lineItems.length;
      const n = Number(exported.order.id.replace("gid://shopify/Order/", "")) - 7_000_000_000;
      expect(exported.lineItems.map((li) => li.id)).toEqual(Array.from({ length: n % 4 }, (_, i) => `gid://shopify/LineItem/${n * 10 + i + 1}`));
      expect(exported.lineItems.map((li) => li.variant?.id ?? null)).toEqual(
        Array.from({ length: n % 4 }, (_, i) => (i === 1 ? null : `gid://shopify/ProductVariant/${300 + i}`)),
      );
      first ??= exported;
      last = exported;
    }
    expect({ orders, items }).toEqual({ orders: 1800, items: 2700 });
    expect(first?.order.name).toBe("#1201");
    expect(first?.lineItems).toEqual([
      { id: "gid://shopify/LineItem/2011", quantity: 1, originalTotalSet: { shopMoney: { amount: "10.00", currencyCode: "USD" } }, variant: { id: "gid://shopify/ProductVariant/300" } },
    ]);
    expect(last?.order.name).toBe("#3000");
    expect(last?.lineItems).toEqual([]);
  });

  test("the poll loop sleeps between polls until COMPLETED", async () => {
    standIn.state.seedOrders(SHOP, [orderWithItems(1)]);
    const { api } = recordingApi(standIn);
    const { id } = await startBulkOrdersExport(api, { createdSince: new Date("2025-01-01T00:00:00Z") });
    const polls: number[] = [];
    const done = await waitForBulkOperation(api, id, { pollIntervalMs: 1000, sleep: async (ms) => void polls.push(ms) });
    expect(done.status).toBe("COMPLETED");
    expect(polls).toEqual([1000]);
  });

  test("an operation completed on demand is COMPLETED at the first poll", async () => {
    standIn.state.seedOrders(SHOP, [orderWithItems(1)]);
    const { api } = recordingApi(standIn);
    const { id } = await startBulkOrdersExport(api, { createdSince: new Date("2025-01-01T00:00:00Z") });
    standIn.completeBulkOperation(SHOP);
    const polls: number[] = [];
    await expect(waitForBulkOperation(api, id, { sleep: async (ms) => void polls.push(ms) })).resolves.toMatchObject({ status: "COMPLETED", objectCount: 2 });
    expect(polls).toEqual([]);
  });

  test("an export with no orders completes without a URL", async () => {
    standIn.state.seedOrders(SHOP, [orderWithItems(1)]);
    const { api } = recordingApi(standIn);
    const { id } = await startBulkOrdersExport(api, { createdSince: new Date("2027-01-01T00:00:00Z") });
    standIn.completeBulkOperation(SHOP, id);
    await expect(waitForBulkOperation(api, id)).resolves.toMatchObject({ status: "COMPLETED", url: null, objectCount: 0 });
  });

  test("a FAILED operation throws with Shopify's error code and the partial data URL, whose rows still read", async () => {
    standIn.state.seedOrders(SHOP, [1, 2, 3, 4].map(orderWithItems));
    const { api } = recordingApi(standIn);
    const { id } = await startBulkOrdersExport(api, { createdSince: new Date("2025-01-01T00:00:00Z") });
    standIn.failBulkOperation(SHOP, id, "TIMEOUT", true);
    const error = (await waitForBulkOperation(api, id).catch((e: unknown) => e)) as ShopifyBulkOperationError;
    expect(error).toBeInstanceOf(ShopifyBulkOperationError);
    expect({ status: error.status, errorCode: error.errorCode }).toEqual({ status: "FAILED", errorCode: "TIMEOUT" });
    const partial = await collect(readBulkOrdersExport(error.partialDataUrl!));
    expect(partial.map((o) => o.order.name)).toEqual(["#1001", "#1002"]);
  });

  test.each([
    ["an id the shop does not know", "gid://shopify/BulkOperation/1", 5, /is unknown to the shop/],
    ["an operation slower than the allowed polls", null, 1, /did not complete within 1 polls/],
  ])("waitForBulkOperation gives up on %s", async (_label, unknownId, maxPolls, message) => {
    const { api } = recordingApi(standIn);
    const id = unknownId ?? (await startBulkOrdersExport(api, { createdSince: new Date("2025-01-01T00:00:00Z") })).id;
    await expect(waitForBulkOperation(api, id, { maxPolls, sleep: async () => undefined })).rejects.toThrow(message);
  });

  test("Shopify refusing a second export is a ShopifyUserError with its code", async () => {
    standIn.failNext("RunBulkOrdersExport", {
      kind: "user_error",
      code: "OPERATION_IN_PROGRESS",
      field: null,
      message: "A bulk query operation for this app and shop is already in progress",
    });
    const { api } = recordingApi(standIn);
    const error = (await startBulkOrdersExport(api, { createdSince: new Date() }).catch((e: unknown) => e)) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.code).toBe("OPERATION_IN_PROGRESS");
  });

  test("a file written without groupObjects is refused, not misattributed", async () => {
    standIn.state.seedOrders(SHOP, [1, 2, 3].map(orderWithItems));
    const { api } = recordingApi(standIn);
    const { id } = await startBulkOrdersExport(api, { createdSince: new Date("2025-01-01T00:00:00Z") });
    standIn.state.shop(SHOP).bulkOperations.get(id)!.groupObjects = false;
    standIn.completeBulkOperation(SHOP, id);
    const { url } = await waitForBulkOperation(api, id);
    await expect(collect(readBulkOrdersExport(url!))).rejects.toThrow(/must run with groupObjects: true/);
  });

  test("a missing file is ShopifyBulkJsonlError with the HTTP status", async () => {
    const error = (await collect(streamBulkJsonl(`${standIn.url}/bulk-results/nothing-here.jsonl`)).catch((e: unknown) => e)) as ShopifyBulkJsonlError;
    expect(error).toBeInstanceOf(ShopifyBulkJsonlError);
    expect(error.status).toBe(404);
  });

  test("buildBulkOrdersQuery asks for orders created since the cut-off, to the second, with line items as a nested connection", () => {
    const query = buildBulkOrdersQuery(new Date("2026-01-09T08:00:00.750Z"));
    expect(query).toContain(`orders(query: "created_at:>='2026-01-09T08:00:00Z'")`);
    expect(query).toMatch(/lineItems \{\s*edges \{\s*node \{\s*id\s*quantity\s*originalTotalSet/);
    expect(() => buildBulkOrdersQuery(new Date("nope"))).toThrow(ShopifyInputError);
  });
});

describe("streaming JSONL", () => {
  test.each<[string, Uint8Array[], string[]]>([
    ["lines across chunk boundaries", [bytes('{"a":1}\n{"b"'), bytes(":2}\n")], ['{"a":1}', '{"b":2}']],
    ["a two-byte character cut in half", [bytes('{"n":"Ren'), new Uint8Array([0xc3]), new Uint8Array([0xa9]), bytes('e"}\n')], ['{"n":"Renée"}']],
    ["CRLF line ends", [bytes("x\r\ny\r\n")], ["x", "y"]],
    ["no newline at the end", [bytes("x\ny")], ["x", "y"]],
    ["empty input", [], []],
    ["many lines in one chunk", [bytes("1\n2\n3\n4\n")], ["1", "2", "3", "4"]],
  ])("splitLines: %s", async (_label, parts, expected) => {
    expect(await collect(splitLines(chunks(...parts)))).toEqual(expected);
  });

  test("the first order is handed over before the rest of the file has arrived", async () => {
    let push!: (text: string) => void;
    let end!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(bytes(text));
        end = () => controller.close();
      },
    });
    const fakeFetch = (async () => new Response(body, { status: 200 })) as typeof fetch;
    const groups = groupBulkJsonlRows(streamBulkJsonl("https://storage.example/export.jsonl", { fetch: fakeFetch }));
    push('{"id":"gid://shopify/Order/1"}\n{"id":"gid://shopify/LineItem/1","__parentId":"gid://shopify/Order/1"}\n');
    push('{"id":"gid://shopify/Order/2"}\n');
    const first = await groups.next();
    expect(first.value).toEqual({
      node: { id: "gid://shopify/Order/1" },
      children: [{ id: "gid://shopify/LineItem/1", __parentId: "gid://shopify/Order/1" }],
    });
    end();
    const second = await groups.next();
    expect(second.value).toEqual({ node: { id: "gid://shopify/Order/2" }, children: [] });
    expect((await groups.next()).done).toBe(true);
  });

  test("grandchildren whose parent is a child stay in the group", async () => {
    const rows: BulkJsonlRow[] = [
      { id: "O1" },
      { id: "L1", __parentId: "O1" },
      { id: "D1", __parentId: "L1" },
      { id: "O2" },
    ];
    async function* source() {
      yield* rows;
    }
    const groups = await collect(groupBulkJsonlRows(source()));
    expect(groups.map((g) => [g.node.id, g.children.map((c) => c.id)])).toEqual([
      ["O1", ["L1", "D1"]],
      ["O2", []],
    ]);
  });

  test.each<[string, string, number]>([
    ["a line that is not JSON", '{"id":"a"}\nnot json\n', 2],
    ["a line that is an array", "[1,2]\n", 1],
    ["a numeric __parentId", '{"id":"a","__parentId":1}\n', 1],
  ])("%s is a ShopifyBulkJsonlError with its line number", async (_label, text, lineNumber) => {
    const fakeFetch = (async () => new Response(text, { status: 200 })) as typeof fetch;
    const error = (await collect(streamBulkJsonl("https://storage.example/x.jsonl", { fetch: fakeFetch })).catch((e: unknown) => e)) as ShopifyBulkJsonlError;
    expect(error).toBeInstanceOf(ShopifyBulkJsonlError);
    expect(error.lineNumber).toBe(lineNumber);
  });

  test("blank lines are skipped", async () => {
    const fakeFetch = (async () => new Response('{"id":"a"}\n\n{"id":"b"}\n', { status: 200 })) as typeof fetch;
    expect(await collect(streamBulkJsonl("https://storage.example/x.jsonl", { fetch: fakeFetch }))).toEqual([{ id: "a" }, { id: "b" }]);
  });
});

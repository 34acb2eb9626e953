import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { createThrottledQueue, ShopifyThrottledError, ShopifyUserError } from "~/shopify/admin-api.server";
import { createBasicDiscountCode } from "~/shopify/create-discount-code.server";

import type { ShopifyStandIn } from "../../support/shopify-stand-in";
import { recordingApi, SHOP, startStandIn } from "./harness";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createThrottledQueue", () => {
  test.each([1, 2, 5])("never runs more than %i tasks at once", async (concurrency) => {
    const queue = createThrottledQueue({ concurrency });
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        queue.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
          return i * 2;
        }),
      ),
    );
    expect(peak).toBe(concurrency);
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    expect({ active: queue.active, waiting: queue.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  test("tasks start in the order they were queued", async () => {
    const queue = createThrottledQueue({ concurrency: 1 });
    const started: number[] = [];
    await Promise.all([3, 1, 2].map((n) => queue.run(async () => void started.push(n))));
    expect(started).toEqual([3, 1, 2]);
  });

  test("settleAll reports each item's outcome in input order and never rejects", async () => {
    const queue = createThrottledQueue({ concurrency: 2 });
    const settled = await queue.settleAll(["a", "bad", "c"], async (item) => {
      if (item === "bad") throw new Error("refused");
      return item.toUpperCase();
    });
    expect(settled.map((s) => (s.ok ? s.value : (s.error as Error).message))).toEqual(["A", "refused", "C"]);
    expect(settled.map((s) => s.item)).toEqual(["a", "bad", "c"]);
  });

  test("a task ending in ShopifyThrottledError holds new starts for the suggested wait", async () => {
    const pause = deferred();
    const waits: number[] = [];
    const queue = createThrottledQueue({
      concurrency: 1,
      sleep: (ms) => {
        waits.push(ms);
        return pause.promise;
      },
    });
    const first = queue.run(async () => {
      throw new ShopifyThrottledError("CreateBasicDiscountCode", 6, null, 4000);
    });
    let secondStarted = false;
    const second = queue.run(async () => {
      secondStarted = true;
    });
    await expect(first).rejects.toBeInstanceOf(ShopifyThrottledError);
    await tick();
    expect(waits).toEqual([4000]);
    expect(secondStarted).toBe(false);
    expect(queue.waiting).toBe(1);
    pause.resolve();
    await second;
    expect(secondStarted).toBe(true);
  });

  test("other failures do not pause the queue", async () => {
    const waits: number[] = [];
    const queue = createThrottledQueue({ concurrency: 1, sleep: async (ms) => void waits.push(ms) });
    await expect(queue.run(async () => Promise.reject(new Error("nope")))).rejects.toThrow("nope");
    await expect(queue.run(async () => "next")).resolves.toBe("next");
    expect(waits).toEqual([]);
  });

  test("a task that throws synchronously still frees its slot", async () => {
    const queue = createThrottledQueue({ concurrency: 1 });
    await expect(
      queue.run(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expect(queue.run(async () => 1)).resolves.toBe(1);
  });

  test("onIdle resolves once nothing runs or waits", async () => {
    const queue = createThrottledQueue({ concurrency: 1 });
    await queue.onIdle();
    const gate = deferred();
    void queue.run(() => gate.promise);
    let idle = false;
    const idlePromise = queue.onIdle().then(() => {
      idle = true;
    });
    await tick();
    expect(idle).toBe(false);
    gate.resolve();
    await idlePromise;
    expect(idle).toBe(true);
  });

  test.each([0, -1, 1.5, Number.NaN])("concurrency %s is refused", (concurrency) => {
    expect(() => createThrottledQueue({ concurrency })).toThrow(RangeError);
  });
});

describe("bulk code creation through the queue, against the stand-in", () => {
  let standIn: ShopifyStandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.reset());

  test("40 creators, 4 in flight, throttled along the way: every code created exactly once, a taken one reported", async () => {
    standIn.state.seedDiscount(SHOP, { code: "CREATOR07" });
    standIn.failNext("CreateBasicDiscountCode", { kind: "throttled", times: 3, currentlyAvailable: 0 });
    const { api } = recordingApi(standIn);
    const queue = createThrottledQueue({ concurrency: 4 });
    const codes = Array.from({ length: 40 }, (_, i) => `CREATOR${String(i).padStart(2, "0")}`);
    const settled = await queue.settleAll(codes, (code) =>
      createBasicDiscountCode(api, {
        title: code,
        code,
        startsAt: new Date("2026-02-01T00:00:00Z"),
        value: { kind: "percentage", percentage: 0.1 },
      }),
    );
    const failed = settled.filter((s) => !s.ok);
    expect(failed.map((s) => s.item)).toEqual(["CREATOR07"]);
    expect(failed[0] && !failed[0].ok && failed[0].error).toBeInstanceOf(ShopifyUserError);
    expect(standIn.state.shop(SHOP).discounts.size).toBe(40);
    // 40 creations + 3 throttled answers, nothing sent twice after it was applied.
    expect(standIn.requests).toHaveLength(43);
  });
});

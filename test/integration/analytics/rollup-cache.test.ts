// The rollup reader's cache (app/queries/closed-days-cache.server.ts) against the database: whatever was written —
// today's rows, a past day, a day after today, a deleted row, another shop — every sum it returns equals the same sum
// read straight from DailyRollup, and while nothing was written it returns the very same arrays.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { addDays } from "../../../app/domain/dates";
import type { RollupDelta } from "../../../app/domain/attribution";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "../creators/model-env";

const SHOP = "cache.myshopify.com";
const OTHER = "cache-other.myshopify.com";
const TODAY = "2026-10-20";

type Modules = {
  reader: typeof import("../../../app/queries/closed-days-cache.server");
  reads: typeof import("../../../app/models/rollup-reads.server");
  writes: typeof import("../../../app/models/daily-rollup.server");
  tx: typeof import("../../../app/models/transaction.server");
};

function delta(creatorId: string | null, campaignId: string | null, day: string, net: number, orders = 1): RollupDelta {
  return {
    creatorId,
    campaignId,
    day,
    orders,
    orderCreditPpm: creatorId ? orders * 1_000_000 : 0,
    codeOrders: creatorId ? orders : 0,
    linkOrders: 0,
    newCustomers: orders > 0 ? 1 : 0,
    grossMinor: net + 100,
    discountsMinor: 100,
    refundsMinor: 0,
    netMinor: net,
    repeatOrders: 0,
    repeatNetMinor: 0,
    cogsMinor: Math.floor(net / 3),
    cogsCoveredMinor: net,
  };
}

// Sums the pages ask for: the dashboard's, the campaign report's and the creator page's groupings and filters, over
// periods ending yesterday, today, after today, and lying wholly in the past.
const CASES = [
  { period: { from: addDays(TODAY, -29), to: TODAY }, filter: { rows: "credited" as const }, groupBy: ["creatorId", "campaignId"] as const },
  { period: { from: addDays(TODAY, -59), to: addDays(TODAY, -30) }, filter: { rows: "credited" as const }, groupBy: ["creatorId", "campaignId"] as const },
  { period: { from: addDays(TODAY, -29), to: TODAY }, filter: {}, groupBy: ["day", "rowKind"] as const },
  { period: { from: addDays(TODAY, -40), to: addDays(TODAY, 5) }, filter: { campaignId: "ca-1", rows: "credited" as const }, groupBy: ["creatorId", "campaignId"] as const },
  { period: { from: addDays(TODAY, -20), to: TODAY }, filter: {}, groupBy: ["rowKind"] as const },
  { period: { from: TODAY, to: TODAY }, filter: { creatorId: "cr-2" }, groupBy: [] as const },
  { period: { from: addDays(TODAY, -9), to: addDays(TODAY, -1) }, filter: {}, groupBy: ["day"] as const },
];

describe("rollup reader cache", () => {
  let database: TestDatabase;
  let m: Modules;

  const write = async (shop: string, deltas: RollupDelta[]) => {
    // Two writes never share a millisecond here: a write stamped with a mark's very instant waits for the full check.
    await new Promise((resolve) => setTimeout(resolve, 3));
    await m.tx.inTransaction((tx) => m.writes.applyRollupDeltas(tx, shop, deltas));
  };

  const byKey = (rows: readonly Record<string, unknown>[]) =>
    Object.fromEntries(rows.map((r) => [Object.entries(r).filter(([k]) => k !== "totals").map(([, v]) => v).join("|"), r.totals]));

  /** Every case read through one reader (as a page does) equals the database's own sums; returns what the reader gave. */
  async function expectExact(shop = SHOP): Promise<unknown[][]> {
    const reader = m.reader.createRollupReader(shop, TODAY);
    const got = await Promise.all(CASES.map((c) => reader.sum(c.period, c.filter, c.groupBy)));
    for (const [i, c] of CASES.entries()) {
      const direct = await m.reads.sumRollups(shop, { ...c.filter, ...c.period }, c.groupBy);
      expect(byKey(got[i]!), JSON.stringify(c)).toEqual(byKey(direct));
    }
    return got;
  }

  beforeAll(async () => {
    database = await useModelDatabase();
    m = {
      reader: await import("../../../app/queries/closed-days-cache.server"),
      reads: await import("../../../app/models/rollup-reads.server"),
      writes: await import("../../../app/models/daily-rollup.server"),
      tx: await import("../../../app/models/transaction.server"),
    };
    for (const shop of [SHOP, OTHER]) await database.client.shop.create({ data: { shop } });
    const history: RollupDelta[] = [];
    for (let d = -70; d <= 3; d++) {
      const day = addDays(TODAY, d);
      history.push(delta(null, null, day, 5_000 + d));
      for (let c = 0; c < 4; c++) if ((d + c) % 3 !== 0) history.push(delta(`cr-${c}`, `ca-${c % 2}`, day, 1_000 * (c + 1) + d));
    }
    await write(SHOP, history);
    await write(OTHER, history.slice(0, 50));
    m.reader.clearClosedDaysCache();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await database?.drop();
  });

  test("cold and warm reads equal the database, and a warm read is the very same array", async () => {
    const cold = await expectExact();
    const warm = await expectExact();
    // Days after today are read live, so only periods ending by today come back as the same arrays.
    for (const [i, rows] of warm.entries()) if (CASES[i]!.period.to <= TODAY) expect(rows, JSON.stringify(CASES[i])).toBe(cold[i]);
  });

  test("writes to today's rows, new and existing, are seen by the next request", async () => {
    await write(SHOP, [delta("cr-1", "ca-1", TODAY, 777), delta("cr-9", "ca-1", TODAY, 50)]);
    await expectExact();
    await write(SHOP, [delta("cr-1", "ca-1", TODAY, -77, 0), delta(null, null, TODAY, 12)]);
    await expectExact();
  });

  test("in two parts, the closed days' part stays the same array through a write today, and the parts add up", async () => {
    const period = CASES[0]!.period;
    const before = await m.reader.createRollupReader(SHOP, TODAY).parts(period, { rows: "credited" }, ["creatorId", "campaignId"]);
    await write(SHOP, [delta("cr-2", "ca-0", TODAY, 55)]);
    const reader = m.reader.createRollupReader(SHOP, TODAY);
    const after = await reader.parts(period, { rows: "credited" }, ["creatorId", "campaignId"]);
    expect(after.closed).toBe(before.closed);
    expect(after.live).not.toBe(before.live);
    const summed = new Map<string, Record<string, number>>();
    for (const row of [...after.closed, ...after.live]) {
      const key = `${row.creatorId}|${row.campaignId}`;
      const held = summed.get(key) ?? {};
      for (const [k, v] of Object.entries(row.totals)) held[k] = (held[k] ?? 0) + v;
      summed.set(key, held);
    }
    expect(Object.fromEntries(summed)).toEqual(byKey(await m.reads.sumRollups(SHOP, { rows: "credited", ...period }, ["creatorId", "campaignId"])));
    await expectExact();
  });

  test("a write to a past day, and to a day after today, reaches the sums of periods holding it and only those", async () => {
    const before = await expectExact();
    await write(SHOP, [delta("cr-2", "ca-0", addDays(TODAY, -45), 333)]);
    const after = await expectExact();
    // The last 30 days do not hold that day: their sums are still the cached ones.
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    await write(SHOP, [delta("cr-3", "ca-1", addDays(TODAY, 2), 444)]);
    await expectExact();
  });

  test("another shop's writes leave this shop's sums as they were", async () => {
    const before = await expectExact();
    await write(OTHER, [delta("cr-1", "ca-1", TODAY, 999), delta("cr-1", "ca-1", addDays(TODAY, -10), 999)]);
    const after = await expectExact();
    for (const [i, rows] of after.entries()) if (CASES[i]!.period.to <= TODAY) expect(rows, JSON.stringify(CASES[i])).toBe(before[i]);
    await expectExact(OTHER);
  });

  test("concurrent requests after a write agree with the database", async () => {
    await write(SHOP, [delta("cr-0", "ca-0", TODAY, 21), delta("cr-0", "ca-0", addDays(TODAY, -3), 34)]);
    await Promise.all([expectExact(), expectExact(), expectExact()]);
  });

  test("a row deleted today is caught by today's full check within a minute", async () => {
    await expectExact();
    await database.client.dailyRollup.deleteMany({ where: { shop: SHOP, creatorId: "cr-9", day: TODAY } });
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + m.reader.FULL_CHECK_MS + 1);
    await expectExact();
    vi.restoreAllMocks();
  });

  test("a past day's row written with a stamp in the past is caught by the sums' full check within a minute", async () => {
    const before = await expectExact();
    const stale = new Date(Date.now() - 3_600_000);
    await database.client.dailyRollup.update({
      where: { shop_creatorId_campaignId_day: { shop: SHOP, creatorId: "cr-1", campaignId: "ca-1", day: addDays(TODAY, -5) } },
      data: { netMinor: { increment: 5 }, updatedAt: stale },
    });
    // The marks do not see it: the cached sums are served as they were.
    const unseen = await m.reader.createRollupReader(SHOP, TODAY).sum(CASES[0]!.period, CASES[0]!.filter, CASES[0]!.groupBy);
    expect(unseen).toBe(before[0]);
    // A minute later the request that finds a sum due for its check starts it; the next one has the change. (Later
    // than the previous test's minute, whose requests stamped their checks with it.)
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + 3 * m.reader.FULL_CHECK_MS);
    const reader = m.reader.createRollupReader(SHOP, TODAY);
    await Promise.all(CASES.map((c) => reader.sum(c.period, c.filter, c.groupBy)));
    await m.reader.settleClosedDaysChecks();
    await expectExact();
    vi.restoreAllMocks();
  });

  test("a rebuild (every row of the shop written again) is seen at once", async () => {
    await expectExact();
    const rows = await m.tx.inTransaction((tx) => m.writes.listShopRollups(tx, SHOP));
    await new Promise((resolve) => setTimeout(resolve, 3));
    await m.tx.inTransaction((tx) => m.writes.replaceShopRollups(tx, SHOP, rows.map((r) => ({ ...r, netMinor: r.netMinor + 1 }))));
    await expectExact();
  });
});

// The dashboard of a period that holds today, while today's rollups change: its leaderboard and comparisons are built
// from the closed days' part (kept) and today's (rebuilt for the creators selling today), and must equal the
// leaderboard page's, which sums the whole period first and builds the board from scratch.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RollupDelta } from "../../../app/domain/attribution";
import { addDays } from "../../../app/domain/dates";
import type { LeaderboardParams } from "../../../app/queries/analytics-params";
import { buildAnalyticsWorld } from "../../support/analytics-world";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "../creators/model-env";

const SHOP = "today.myshopify.com";
const NOW = new Date("2026-11-20T12:00:00Z");
const TODAY = "2026-11-20";

const PARAMS: LeaderboardParams[] = [
  { preset: "last30", sort: "netMinor", direction: "desc", page: 1 },
  { preset: "last7", sort: "roas", direction: "asc", page: 1 },
  { preset: "last30", sort: "cost", direction: "desc", page: 1, tier: "micro" },
  { preset: "last30", sort: "name", direction: "asc", page: 1, compensation: "commission" },
];

function delta(creatorId: string | null, campaignId: string | null, day: string, net: number, orders: number): RollupDelta {
  return {
    creatorId,
    campaignId,
    day,
    orders,
    orderCreditPpm: creatorId ? orders * 1_000_000 : 0,
    codeOrders: creatorId ? orders : 0,
    linkOrders: 0,
    newCustomers: 0,
    grossMinor: Math.max(0, net),
    discountsMinor: 0,
    refundsMinor: net < 0 ? -net : 0,
    netMinor: net,
    repeatOrders: 0,
    repeatNetMinor: 0,
    cogsMinor: 0,
    cogsCoveredMinor: 0,
  };
}

describe("dashboard with today's sales changing", () => {
  let database: TestDatabase;
  let q: {
    dashboard: typeof import("../../../app/queries/get-dashboard.server");
    leaderboard: typeof import("../../../app/queries/get-creator-leaderboard.server");
    board: typeof import("../../../app/queries/creator-leaderboard");
    writes: typeof import("../../../app/models/daily-rollup.server");
    tx: typeof import("../../../app/models/transaction.server");
  };

  const write = async (deltas: RollupDelta[]) => {
    // Two writes never share a millisecond here: a write stamped with a mark's very instant waits for the full check.
    await new Promise((resolve) => setTimeout(resolve, 3));
    await q.tx.inTransaction((tx) => q.writes.applyRollupDeltas(tx, SHOP, deltas));
  };

  /** Every PARAMS dashboard against the leaderboard page built from the summed period; returns the first's net sales. */
  async function expectSameBoards(): Promise<number> {
    let net = 0;
    for (const params of PARAMS) {
      const data = await q.dashboard.getDashboard(SHOP, params, NOW);
      if (data.state !== "ready") throw new Error("expected a ready dashboard");
      const reference = await q.leaderboard.getCreatorLeaderboard(SHOP, params, NOW);
      expect(data.leaderboard, JSON.stringify(params)).toEqual(reference.leaderboard);
      if (params.tier || params.compensation) continue;
      const all = await q.leaderboard.getCreatorLeaderboard(SHOP, { ...params, sort: "netMinor", direction: "desc" }, NOW);
      const tiers = q.board.compareByTier(all.entries, 5_000).map((g) => ({ group: g.group, creators: g.creators, metrics: g.metrics }));
      expect(data.byTier, JSON.stringify(params)).toEqual(tiers);
      net ||= all.entries.reduce((sum, e) => sum + e.totals.netMinor, 0);
      expect(data.current.netMinor).toBe(all.entries.reduce((sum, e) => sum + e.totals.netMinor, 0));
    }
    return net;
  }

  beforeAll(async () => {
    database = await useModelDatabase();
    await buildAnalyticsWorld(database.client, { shop: SHOP, seed: 41, orders: 260, start: addDays(TODAY, -25), days: 26, clicks: 80 });
    q = {
      dashboard: await import("../../../app/queries/get-dashboard.server"),
      leaderboard: await import("../../../app/queries/get-creator-leaderboard.server"),
      board: await import("../../../app/queries/creator-leaderboard"),
      writes: await import("../../../app/models/daily-rollup.server"),
      tx: await import("../../../app/models/transaction.server"),
    };
  }, 180_000);
  afterAll(async () => {
    await database?.drop();
  });

  test("sales today, then more of them, a refund today and a late change to a past day: the boards agree each time", async () => {
    const before = await expectSameBoards();
    const rows = await database.client.dailyRollup.findMany({ where: { shop: SHOP, creatorId: { not: "" } }, orderBy: [{ day: "desc" }, { creatorId: "asc" }] });
    const today = rows.find((r) => r.day === TODAY);
    const quiet = rows.find((r) => r.day < addDays(TODAY, -3) && !rows.some((o) => o.creatorId === r.creatorId && o.day === TODAY));
    if (!today || !quiet) throw new Error("the world has no sale today, or no creator without one");

    await write([delta(today.creatorId, today.campaignId, TODAY, 4_000, 1), delta(null, null, TODAY, 1_000, 1)]);
    expect(await expectSameBoards()).toBe(before + 4_000);
    // A creator whose first sale of the day this is, and a refund today of one who sold earlier.
    await write([delta(quiet.creatorId, quiet.campaignId, TODAY, 2_500, 1)]);
    await write([delta(today.creatorId, today.campaignId, TODAY, -1_500, 0)]);
    expect(await expectSameBoards()).toBe(before + 5_000);
    await write([delta(quiet.creatorId, quiet.campaignId, addDays(TODAY, -2), 700, 1)]);
    expect(await expectSameBoards()).toBe(before + 5_700);
  });
});

import { describe, expect, test } from "vitest";
import type { CostBasis } from "./collaboration-cost";
import {
  buildLeaderboard,
  buildLeaderboardFromParts,
  compareByCompensation,
  compareByCompensationFromParts,
  compareByTier,
  sortLeaderboard,
  type CampaignFacts,
  type CreatorSlice,
  type LeaderboardCreator,
  type LeaderboardEntry,
  type LeaderboardFilters,
  type LeaderboardInput,
  type LeaderboardSort,
} from "./creator-leaderboard";
import { addInto, emptyTotals, ROLLUP_MEASURES, type RollupTotals } from "./rollup-totals";

const t = (over: Partial<RollupTotals>): RollupTotals => {
  const totals = { ...emptyTotals(), ...over };
  totals.grossMinor = over.grossMinor ?? totals.netMinor;
  return totals;
};
const creator = (id: string, name: string, tier: string, platforms: string[]): LeaderboardCreator => ({
  id,
  name,
  handle: name.toLowerCase(),
  tier,
  platform: platforms[0] ?? null,
  platforms,
});
const creators = new Map([
  ["ana", creator("ana", "Ana", "micro", ["instagram", "tiktok"])],
  ["ben", creator("ben", "Ben", "mega", ["youtube"])],
  ["cy", creator("cy", "Cy", "micro", ["tiktok"])],
  ["dee", creator("dee", "Dee", "nano", [])],
]);
const campaigns = new Map<string, CampaignFacts>([
  ["spring", { name: "Spring", compensationType: "paid" }],
  ["summer", { name: "Summer", compensationType: "commission" }],
]);
const basis = (creatorId: string, campaignId: string, over: Partial<CostBasis>): CostBasis => ({
  collaborationId: `${creatorId}-${campaignId}`,
  creatorId,
  campaignId,
  feeMinor: 0,
  commissionBps: 0,
  giftedCostMinor: 0,
  shippingCostMinor: 0,
  compensationType: campaigns.get(campaignId)?.compensationType ?? "gifted",
  window: { from: "2024-01-01", to: "2024-01-31" },
  ...over,
});
const slices: CreatorSlice[] = [
  { creatorId: "ana", campaignId: "spring", totals: t({ orders: 2, orderCreditPpm: 2_000_000, netMinor: 20_000, clicks: 100, linkOrders: 2, newCustomers: 2 }) },
  { creatorId: "ana", campaignId: "summer", totals: t({ orders: 1, orderCreditPpm: 1_000_000, netMinor: 10_000, codeOrders: 1 }) },
  { creatorId: "ben", campaignId: "summer", totals: t({ orders: 1, orderCreditPpm: 500_000, netMinor: 5_000, codeOrders: 1 }) },
  { creatorId: "cy", campaignId: "", totals: t({ orders: 1, orderCreditPpm: 500_000, netMinor: 5_000, linkOrders: 1 }) },
];
const costBases = [
  basis("ana", "spring", { feeMinor: 31_000 }),
  basis("ana", "summer", { commissionBps: 1_000 }),
  basis("ben", "summer", { commissionBps: 2_000 }),
  // Dee sold nothing but was paid: she must appear, with an undefined ROAS.
  basis("dee", "spring", { feeMinor: 3_100, giftedCostMinor: 310 }),
];
const input = { slices, costBases, creators, campaigns, period: { from: "2024-01-01", to: "2024-01-31" }, defaultMarginBps: 5_000 };

describe("buildLeaderboard", () => {
  test("one entry per creator with sales or cost; commission per collaboration on its own sales", () => {
    const entries = Object.fromEntries(buildLeaderboard(input).map((e) => [e.creator.id, e]));
    expect(Object.keys(entries).sort()).toEqual(["ana", "ben", "cy", "dee"]);
    expect(entries.ana?.totals.netMinor).toBe(30_000);
    // 31,000 fee + 10% of 10,000 from summer only.
    expect(entries.ana?.cost).toEqual({ feesMinor: 31_000, commissionMinor: 1_000, giftedMinor: 0, shippingMinor: 0, totalMinor: 32_000 });
    expect(entries.ben?.cost.totalMinor).toBe(1_000);
    expect(entries.cy?.cost.totalMinor).toBe(0);
    expect(entries.cy?.metrics.roas).toEqual({ kind: "undefined", reason: "no_cost" });
    expect(entries.dee?.metrics.netMinor).toBe(0);
    expect(entries.dee?.metrics.roas).toEqual({ kind: "value", value: 0 });
    expect(entries.ben?.metrics.orders).toBe(0.5);
  });

  test.each([
    ["a campaign keeps that campaign's sales and costs only", { campaignId: "summer" }, { ana: 10_000, ben: 5_000 }],
    ["a compensation type keeps its campaigns", { compensation: "paid" }, { ana: 20_000, dee: 0 }],
    ["credit outside any campaign is its own group", { compensation: "none" }, { cy: 5_000 }],
    ["a tier keeps its creators", { tier: "micro" }, { ana: 30_000, cy: 5_000 }],
    ["a platform keeps creators present on it", { platform: "tiktok" }, { ana: 30_000, cy: 5_000 }],
    ["filters combine", { tier: "micro", campaignId: "spring" }, { ana: 20_000 }],
    ["a filter nobody matches leaves the board empty", { tier: "macro" }, {}],
  ])("%s", (_label, filters, expected) => {
    const entries = buildLeaderboard(input, filters);
    expect(Object.fromEntries(entries.map((e) => [e.creator.id, e.totals.netMinor]))).toEqual(expected);
  });

  test("a rollup of a deleted creator still counts, under an unnamed creator", () => {
    const entries = buildLeaderboard({ ...input, slices: [{ creatorId: "gone", campaignId: "", totals: t({ netMinor: 1 }) }], costBases: [] });
    expect(entries.map((e) => [e.creator.id, e.creator.name])).toEqual([["gone", ""]]);
  });
});

describe("sortLeaderboard", () => {
  const entries = buildLeaderboard(input);
  test.each<[LeaderboardSort, "asc" | "desc", string[]]>([
    ["netMinor", "desc", ["ana", "ben", "cy", "dee"]],
    ["netMinor", "asc", ["dee", "ben", "cy", "ana"]],
    ["name", "asc", ["ana", "ben", "cy", "dee"]],
    ["name", "desc", ["dee", "cy", "ben", "ana"]],
    // Cy has no cost: an undefined ROAS goes last whichever the direction.
    ["roas", "desc", ["ben", "ana", "dee", "cy"]],
    ["roas", "asc", ["dee", "ana", "ben", "cy"]],
    ["cost", "desc", ["ana", "dee", "ben", "cy"]],
    ["tier", "asc", ["dee", "ana", "cy", "ben"]],
    ["aov", "desc", ["ana", "ben", "cy", "dee"]],
    ["linkConversion", "desc", ["ana", "ben", "cy", "dee"]],
  ])("by %s %s", (sort, direction, expected) => {
    expect(sortLeaderboard(entries, sort, direction).map((e) => e.creator.id)).toEqual(expected);
  });
});

describe("comparisons", () => {
  test("by tier: nano to mega, creators counted once", () => {
    const rows = compareByTier(buildLeaderboard(input), 5_000);
    expect(rows.map((r) => [r.group, r.creators, r.totals.netMinor, r.cost.totalMinor])).toEqual([
      ["nano", 1, 0, 3_410],
      ["micro", 2, 35_000, 32_000],
      ["mid", 0, 0, 0],
      ["macro", 0, 0, 0],
      ["mega", 1, 5_000, 1_000],
    ]);
  });

  test("by compensation: the campaign's type, and 'none' outside campaigns", () => {
    const rows = compareByCompensation(input);
    expect(rows.map((r) => [r.group, r.creators, r.totals.netMinor, r.cost.totalMinor])).toEqual([
      ["gifted", 0, 0, 0],
      ["paid", 2, 20_000, 34_410],
      ["commission", 2, 15_000, 2_000],
      ["hybrid", 0, 0, 0],
      ["none", 1, 5_000, 0],
    ]);
  });
});

describe("from parts: closed days kept, today's creators rebuilt", () => {
  // A seeded board: closed-day slices, today's slices on some of the same creators and campaigns and on new ones
  // (a refund today, a creator whose only sale is today, a deleted creator), collaborations with fixed costs inside
  // and outside the period and commissions. Built from parts it must equal the board of the summed slices exactly.
  function lcg(seed: number) {
    let x = seed >>> 0;
    return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
  }
  const random = lcg(11);
  const int = (n: number) => Math.floor(random() * n);
  const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
  const many = new Map(ids.slice(0, 36).map((id, i) => [id, creator(id, `Creator ${i % 9}`, ["nano", "micro", "mid", "macro", "mega"][i % 5]!, i % 3 ? ["tiktok"] : ["instagram"])]));
  const manyCampaigns = new Map<string, CampaignFacts>([
    ["k1", { name: "K1", compensationType: "paid" }],
    ["k2", { name: "K2", compensationType: "commission" }],
    ["k3", { name: "K3", compensationType: "hybrid" }],
  ]);
  const totals = (refund = false): RollupTotals => {
    const orders = refund ? 0 : int(4);
    const net = refund ? -int(3_000) : int(20_000);
    return t({ orders, orderCreditPpm: orders * 1_000_000, netMinor: net, grossMinor: Math.max(0, net), discountsMinor: int(200), refundsMinor: refund ? -net : 0, clicks: int(50), linkOrders: int(2), codeOrders: int(2), newCustomers: int(2), cogsMinor: int(500), cogsCoveredMinor: int(1_000) });
  };
  const keys = ids.flatMap((id) => ["", "k1", "k2", "k3"].map((k) => [id, k] as const));
  const closedSlices: CreatorSlice[] = keys.filter(() => random() < 0.4).map(([creatorId, campaignId]) => ({ creatorId, campaignId, totals: totals() }));
  const liveSlices: CreatorSlice[] = keys.filter(() => random() < 0.15).map(([creatorId, campaignId]) => ({ creatorId, campaignId, totals: totals(random() < 0.3) }));
  const bases = keys
    .filter(([, k]) => k !== "" && random() < 0.5)
    .map(([creatorId, campaignId]) =>
      basis(creatorId, campaignId, {
        feeMinor: int(3) * 10_000,
        commissionBps: int(3) * 500,
        giftedCostMinor: int(2) * 1_000,
        compensationType: manyCampaigns.get(campaignId)!.compensationType,
        window: random() < 0.2 ? { from: "2023-01-01", to: "2023-02-01" } : { from: "2024-01-10", to: "2024-03-31" },
      }),
    );
  const base = { costBases: bases, creators: many, campaigns: manyCampaigns, period: { from: "2024-01-01", to: "2024-01-31" }, defaultMarginBps: 4_000 };
  const summed = (): CreatorSlice[] => {
    const byKey = new Map<string, CreatorSlice>();
    for (const s of [...closedSlices, ...liveSlices]) {
      const key = `${s.creatorId}|${s.campaignId}`;
      const found = byKey.get(key);
      if (found) addInto(found.totals, s.totals);
      else byKey.set(key, { ...s, totals: addInto(emptyTotals(), s.totals) });
    }
    return [...byKey.values()];
  };
  const whole: LeaderboardInput = { ...base, slices: summed() };
  const parts = { closed: { ...base, slices: closedSlices } as LeaderboardInput, live: liveSlices };
  const view = (entries: readonly LeaderboardEntry[]) =>
    sortLeaderboard(entries, "netMinor", "desc").map((e) => ({ id: e.creator.id, totals: e.totals, cost: e.cost, metrics: e.metrics }));

  test("the seeded board has today's creators of every kind", () => {
    const closedIds = new Set(closedSlices.map((s) => s.creatorId));
    expect(liveSlices.some((s) => closedIds.has(s.creatorId))).toBe(true);
    expect(liveSlices.some((s) => !closedIds.has(s.creatorId))).toBe(true);
    expect(liveSlices.some((s) => s.totals.netMinor < 0)).toBe(true);
    expect(liveSlices.some((s) => !many.has(s.creatorId))).toBe(true);
  });

  test.each<[string, LeaderboardFilters]>([
    ["no filter", {}],
    ["a campaign", { campaignId: "k2" }],
    ["a compensation type", { compensation: "paid" }],
    ["outside campaigns", { compensation: "none" }],
    ["a tier", { tier: "micro" }],
    ["a platform", { platform: "instagram" }],
  ])("entries equal the summed board's: %s", (_label, filters) => {
    expect(view(buildLeaderboardFromParts(parts, filters))).toEqual(view(buildLeaderboard(whole, filters)));
  });

  test("comparisons by compensation and by tier equal the summed board's", () => {
    expect(compareByCompensationFromParts(parts)).toEqual(compareByCompensation(whole));
    expect(compareByTier(buildLeaderboardFromParts(parts), 4_000)).toEqual(compareByTier(buildLeaderboard(whole), 4_000));
  });

  test("nothing today: the closed part's board as it is, the same array each time", () => {
    const quiet = { closed: parts.closed, live: [] };
    const first = buildLeaderboardFromParts(quiet);
    expect(buildLeaderboardFromParts(quiet)).toBe(first);
    expect(view(first)).toEqual(view(buildLeaderboard(parts.closed)));
    expect(compareByCompensationFromParts(quiet)).toEqual(compareByCompensation(parts.closed));
  });

  test("every measure is exercised", () => {
    const sums = buildLeaderboard(whole).reduce((acc, e) => addInto(acc, e.totals), emptyTotals());
    for (const m of ROLLUP_MEASURES.filter((m) => m !== "repeatOrders" && m !== "repeatNetMinor")) expect(sums[m], m).not.toBe(0);
  });
});

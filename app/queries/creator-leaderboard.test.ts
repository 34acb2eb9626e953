import { describe, expect, test } from "vitest";
import type { CostBasis } from "./collaboration-cost";
import {
  buildLeaderboard,
  compareByCompensation,
  compareByTier,
  sortLeaderboard,
  type CampaignFacts,
  type CreatorSlice,
  type LeaderboardCreator,
  type LeaderboardSort,
} from "./creator-leaderboard";
import { emptyTotals, type RollupTotals } from "./rollup-totals";

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

// The creator leaderboard and the tier / compensation comparisons, built in memory from rollup sums per
// creator × campaign and the collaborations' cost bases. Pure, so that the sort, filter and cost rules are tested
// without a database.
import { COMPENSATION_TYPES } from "~/domain/campaigns";
import { TIERS } from "~/domain/creators";
import {
  computeCac,
  computeGrossProfit,
  computeLinkConversion,
  computeRoas,
  computeRoi,
  ratioValueOrNull,
  type CostBreakdown,
  type Ratio,
} from "~/domain/metrics";
import { addCosts, collaborationCost, ZERO_COST, type CostBasis } from "./collaboration-cost";
import type { DayPeriod } from "./date-range";
import { derived } from "./derived";
import { creditedAov, performanceMetrics, type PerformanceMetrics } from "./performance-metrics";
import { addInto, emptyTotals, ROLLUP_MEASURES, type RollupTotals } from "./rollup-totals";

export type LeaderboardCreator = {
  id: string;
  name: string;
  handle: string;
  tier: string;
  /** The platform with the largest audience, null without platforms. */
  platform: string | null;
  platforms: string[];
};

/** Rollup sums of one creator in one campaign ("" = credited without a campaign) over the period. */
export type CreatorSlice = { creatorId: string; campaignId: string; totals: RollupTotals };

export type CampaignFacts = { name: string; compensationType: string };

export type LeaderboardFilters = { campaignId?: string; tier?: string; platform?: string; compensation?: string };

/**
 * A creator's sums and cost for the period. Its full metrics are computed on first use: a board of thousands of
 * creators shows one page, and sorting needs one metric per creator, not all of them.
 */
export class LeaderboardEntry {
  #metrics: PerformanceMetrics | null = null;
  constructor(
    readonly creator: LeaderboardCreator,
    readonly totals: RollupTotals,
    readonly cost: CostBreakdown,
    private readonly defaultMarginBps: number,
  ) {}

  get metrics(): PerformanceMetrics {
    this.#metrics ??= performanceMetrics(this.totals, this.cost, this.defaultMarginBps);
    return this.#metrics;
  }

  /** Gross profit alone, through the same domain function the full metrics use. */
  grossProfitMinor(): number {
    if (this.#metrics) return this.#metrics.grossProfitMinor;
    const t = this.totals;
    return computeGrossProfit({ netMinor: t.netMinor, defaultMarginBps: this.defaultMarginBps, unitCost: { coveredNetMinor: t.cogsCoveredMinor, costOfGoodsMinor: t.cogsMinor } }).grossProfitMinor;
  }
}

export const LEADERBOARD_SORTS = [
  "name",
  "tier",
  "platform",
  "netMinor",
  "orders",
  "aov",
  "clicks",
  "linkConversion",
  "codeOrders",
  "newCustomers",
  "repeatOrders",
  "cost",
  "grossProfit",
  "roas",
  "roi",
  "cac",
] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];
export type SortDirection = "asc" | "desc";

export { COMPENSATION_TYPES, TIERS };
/** The compensation group of sales credited to a creator outside any campaign. */
export const NO_CAMPAIGN = "none";

export type LeaderboardInput = {
  slices: readonly CreatorSlice[];
  costBases: readonly CostBasis[];
  creators: ReadonlyMap<string, LeaderboardCreator>;
  campaigns: ReadonlyMap<string, CampaignFacts>;
  /** The period whose share of fixed costs counts; null for all of them (a campaign's whole report). */
  period: DayPeriod | null;
  defaultMarginBps: number;
};

function sliceKey(creatorId: string, campaignId: string): string {
  return `${creatorId}\u0000${campaignId}`;
}

function hasActivity(totals: RollupTotals): boolean {
  return ROLLUP_MEASURES.some((m) => totals[m] !== 0);
}

function unknownCreator(id: string): LeaderboardCreator {
  return { id, name: "", handle: "", tier: "", platform: null, platforms: [] };
}

function isZeroCost(cost: CostBreakdown): boolean {
  return cost.feesMinor === 0 && cost.commissionMinor === 0 && cost.giftedMinor === 0 && cost.shippingMinor === 0;
}

const periodCostCache = new WeakMap<LeaderboardInput, Map<CostBasis, CostBreakdown>>();

/**
 * Every collaboration's cost in the input's period (commission on its own credited net sales), computed once per input
 * and shared by the leaderboard, its filtered variants and the comparisons. Collaborations with no sales in the period
 * and no day in it cost nothing there and are left out.
 */
function periodCosts(input: LeaderboardInput): Map<CostBasis, CostBreakdown> {
  const cached = periodCostCache.get(input);
  if (cached) return cached;
  const netBySlice = new Map<string, number>();
  for (const slice of input.slices) netBySlice.set(sliceKey(slice.creatorId, slice.campaignId), slice.totals.netMinor);
  const costs = new Map<CostBasis, CostBreakdown>();
  for (const basis of input.costBases) {
    const net = netBySlice.get(sliceKey(basis.creatorId, basis.campaignId)) ?? 0;
    const outside = input.period !== null && (basis.window.to < input.period.from || basis.window.from > input.period.to);
    if (net === 0 && outside) continue;
    const cost = collaborationCost(basis, net, input.period);
    if (!isZeroCost(cost)) costs.set(basis, cost);
  }
  periodCostCache.set(input, costs);
  return costs;
}

function compensationOf(campaigns: ReadonlyMap<string, CampaignFacts>, campaignId: string): string {
  return campaignId === "" ? NO_CAMPAIGN : (campaigns.get(campaignId)?.compensationType ?? NO_CAMPAIGN);
}

/**
 * One entry per creator with credited activity or a cost in the period, restricted by the filters: a campaign or a
 * compensation type keeps only that campaign's (those campaigns') sales and collaborations; a tier or a platform
 * keeps only the creators in it. Each collaboration's commission is on its own credited net sales.
 */
export function buildLeaderboard(input: LeaderboardInput, filters: LeaderboardFilters = {}): LeaderboardEntry[] {
  const creatorPasses = (creatorId: string) => {
    const creator = input.creators.get(creatorId);
    if (filters.tier && creator?.tier !== filters.tier) return false;
    if (filters.platform && !creator?.platforms.includes(filters.platform)) return false;
    return true;
  };
  const campaignPasses = (campaignId: string) => {
    if (filters.campaignId && campaignId !== filters.campaignId) return false;
    if (filters.compensation && compensationOf(input.campaigns, campaignId) !== filters.compensation) return false;
    return true;
  };

  const totalsByCreator = new Map<string, RollupTotals>();
  for (const slice of input.slices) {
    if (!campaignPasses(slice.campaignId) || !creatorPasses(slice.creatorId)) continue;
    const totals = totalsByCreator.get(slice.creatorId) ?? emptyTotals();
    totalsByCreator.set(slice.creatorId, addInto(totals, slice.totals));
  }
  const costByCreator = new Map<string, CostBreakdown>();
  for (const [basis, cost] of periodCosts(input)) {
    if (!campaignPasses(basis.campaignId) || !creatorPasses(basis.creatorId)) continue;
    costByCreator.set(basis.creatorId, addCosts(costByCreator.get(basis.creatorId) ?? ZERO_COST, cost));
  }

  const ids = new Set([...totalsByCreator.keys(), ...costByCreator.keys()]);
  const entries: LeaderboardEntry[] = [];
  for (const id of ids) {
    const totals = totalsByCreator.get(id) ?? emptyTotals();
    const cost = costByCreator.get(id) ?? ZERO_COST;
    if (!hasActivity(totals) && isZeroCost(cost)) continue;
    entries.push(new LeaderboardEntry(input.creators.get(id) ?? unknownCreator(id), totals, cost, input.defaultMarginBps));
  }
  return entries;
}

export type GroupComparison = { group: string; creators: number; totals: RollupTotals; cost: CostBreakdown; metrics: PerformanceMetrics };

function finishGroups(
  groups: readonly string[],
  totals: Map<string, RollupTotals>,
  costs: Map<string, CostBreakdown>,
  creators: Map<string, Set<string>>,
  defaultMarginBps: number,
): GroupComparison[] {
  return groups.map((group) => {
    const t = totals.get(group) ?? emptyTotals();
    const c = costs.get(group) ?? ZERO_COST;
    return { group, creators: creators.get(group)?.size ?? 0, totals: t, cost: c, metrics: performanceMetrics(t, c, defaultMarginBps) };
  });
}

/** Leaderboard entries summed by creator tier, nano to mega (creators without a known tier are left out). */
export function compareByTier(entries: readonly LeaderboardEntry[], defaultMarginBps: number): GroupComparison[] {
  const totals = new Map<string, RollupTotals>();
  const costs = new Map<string, CostBreakdown>();
  const creators = new Map<string, Set<string>>();
  for (const entry of entries) {
    const tier = entry.creator.tier;
    totals.set(tier, addInto(totals.get(tier) ?? emptyTotals(), entry.totals));
    costs.set(tier, addCosts(costs.get(tier) ?? ZERO_COST, entry.cost));
    creators.set(tier, (creators.get(tier) ?? new Set()).add(entry.creator.id));
  }
  return finishGroups(TIERS, totals, costs, creators, defaultMarginBps);
}

/**
 * Credited sales and costs summed by the compensation type of the campaign they belong to (gifted, paid, commission,
 * hybrid), and "none" for sales credited to a creator outside any campaign.
 */
export function compareByCompensation(input: LeaderboardInput, include: (creatorId: string) => boolean = () => true): GroupComparison[] {
  const totals = new Map<string, RollupTotals>();
  const costs = new Map<string, CostBreakdown>();
  const creators = new Map<string, Set<string>>();
  for (const slice of input.slices) {
    if (!include(slice.creatorId)) continue;
    const group = compensationOf(input.campaigns, slice.campaignId);
    totals.set(group, addInto(totals.get(group) ?? emptyTotals(), slice.totals));
    if (hasActivity(slice.totals)) creators.set(group, (creators.get(group) ?? new Set()).add(slice.creatorId));
  }
  for (const [basis, cost] of periodCosts(input)) {
    if (!include(basis.creatorId)) continue;
    const group = basis.compensationType;
    costs.set(group, addCosts(costs.get(group) ?? ZERO_COST, cost));
    creators.set(group, (creators.get(group) ?? new Set()).add(basis.creatorId));
  }
  return finishGroups([...COMPENSATION_TYPES, NO_CAMPAIGN], totals, costs, creators, input.defaultMarginBps);
}

/**
 * A period's slices in two parts that add up to them: the closed days' (`closed.slices`, over the whole period so that
 * its fixed costs are the period's) and the rest (today's). Work on the closed part is kept with it (./derived) and
 * lasts while those days are unchanged; a change today only rebuilds the creators with a slice today.
 */
export type LeaderboardParts = { closed: LeaderboardInput; live: readonly CreatorSlice[] };

/** Each creator's slices and collaborations in a closed input, looked up per creator. */
function byCreator(closed: LeaderboardInput) {
  return derived([closed], "byCreator", () => {
    const slices = new Map<string, CreatorSlice[]>();
    for (const s of closed.slices) (slices.get(s.creatorId) ?? slices.set(s.creatorId, []).get(s.creatorId)!).push(s);
    const bases = new Map<string, CostBasis[]>();
    for (const b of closed.costBases) (bases.get(b.creatorId) ?? bases.set(b.creatorId, []).get(b.creatorId)!).push(b);
    return { slices, bases };
  });
}

/**
 * The input of the creators with a live slice alone: their closed and live slices summed per campaign, and their
 * collaborations. Every other creator's slices and costs are the closed part's.
 */
function liveInput(parts: LeaderboardParts): { input: LeaderboardInput; creators: ReadonlySet<string> } {
  return derived([parts.closed, parts.live], "liveInput", () => {
    const { slices, bases } = byCreator(parts.closed);
    const creators = new Set(parts.live.map((s) => s.creatorId));
    const merged = new Map<string, CreatorSlice>();
    const add = (s: CreatorSlice) => {
      const key = sliceKey(s.creatorId, s.campaignId);
      const existing = merged.get(key);
      if (existing) addInto(existing.totals, s.totals);
      else merged.set(key, { creatorId: s.creatorId, campaignId: s.campaignId, totals: addInto(emptyTotals(), s.totals) });
    };
    for (const id of creators) for (const s of slices.get(id) ?? []) add(s);
    for (const s of parts.live) add(s);
    const costBases = [...creators].flatMap((id) => bases.get(id) ?? []);
    return { input: { ...parts.closed, slices: [...merged.values()], costBases }, creators };
  });
}

/** buildLeaderboard over both parts: the closed part's entries, but for the creators with a live slice, built again. */
export function buildLeaderboardFromParts(parts: LeaderboardParts, filters: LeaderboardFilters = {}): LeaderboardEntry[] {
  const key = JSON.stringify(["entries", filters]);
  const closedEntries = derived([parts.closed], key, () => buildLeaderboard(parts.closed, filters));
  if (parts.live.length === 0) return closedEntries;
  return derived([parts.closed, parts.live], key, () => {
    const { input, creators } = liveInput(parts);
    return [...closedEntries.filter((e) => !creators.has(e.creator.id)), ...buildLeaderboard(input, filters)];
  });
}

/** compareByCompensation over both parts: the closed part's creators without a live slice, plus those with one. */
export function compareByCompensationFromParts(parts: LeaderboardParts): GroupComparison[] {
  if (parts.live.length === 0) return derived([parts.closed], "byCompensation", () => compareByCompensation(parts.closed));
  return derived([parts.closed, parts.live], "byCompensation", () => {
    const { input, creators } = liveInput(parts);
    const settled = compareByCompensation(parts.closed, (id) => !creators.has(id));
    const live = compareByCompensation(input);
    // The two sets of creators are disjoint: their counts, sums and costs add up.
    return settled.map((g, i) => {
      const other = live[i]!;
      const totals = addInto(addInto(emptyTotals(), g.totals), other.totals);
      const cost = addCosts(g.cost, other.cost);
      return { group: g.group, creators: g.creators + other.creators, totals, cost, metrics: performanceMetrics(totals, cost, parts.closed.defaultMarginBps) };
    });
  });
}

const valueOrNull = (ratio: Ratio) => ratioValueOrNull(ratio);

/** The value an entry is sorted by: the one metric, computed by the same domain function as the page shows it. */
function sortValue(entry: LeaderboardEntry, sort: LeaderboardSort): string | number | null {
  const t = entry.totals;
  const cost = entry.cost.totalMinor;
  switch (sort) {
    case "name":
      return (entry.creator.name || entry.creator.id).toLocaleLowerCase();
    case "tier":
      return TIERS.indexOf(entry.creator.tier as (typeof TIERS)[number]);
    case "platform":
      return entry.creator.platform;
    case "netMinor":
      return t.netMinor;
    case "orders":
      return t.orderCreditPpm;
    case "aov":
      return valueOrNull(creditedAov(t.netMinor, t.orderCreditPpm));
    case "clicks":
      return t.clicks;
    case "linkConversion":
      return valueOrNull(computeLinkConversion({ linkOrders: t.linkOrders, codeOrders: t.codeOrders, clicks: t.clicks }).rate);
    case "codeOrders":
      return t.codeOrders;
    case "newCustomers":
      return t.newCustomers;
    case "repeatOrders":
      return t.repeatOrders;
    case "cost":
      return cost;
    case "grossProfit":
      return entry.grossProfitMinor();
    case "roas":
      return valueOrNull(computeRoas({ netMinor: t.netMinor, costMinor: cost }));
    case "roi":
      return valueOrNull(computeRoi({ grossProfitMinor: entry.grossProfitMinor(), costMinor: cost }));
    case "cac":
      return valueOrNull(computeCac({ costMinor: cost, newCustomers: t.newCustomers }));
  }
}

/** Sorts entries on any metric; entries whose metric is undefined ("—") come last in both directions; ties by name, then id. */
export function sortLeaderboard(entries: readonly LeaderboardEntry[], sort: LeaderboardSort, direction: SortDirection): LeaderboardEntry[] {
  const sign = direction === "asc" ? 1 : -1;
  const keyed = entries.map((entry) => ({ entry, value: sortValue(entry, sort), name: (entry.creator.name || entry.creator.id).toLocaleLowerCase() }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) {
      return (a.value < b.value ? -1 : 1) * sign;
    }
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.entry.creator.id < b.entry.creator.id ? -1 : a.entry.creator.id > b.entry.creator.id ? 1 : 0;
  });
  return keyed.map((k) => k.entry);
}

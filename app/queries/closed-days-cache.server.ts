// Rollup sums kept in memory per shop, so that a page's cost does not grow with the shop's history. Past days rarely
// change (a late cancellation, a rebuild under a new attribution model) and today's rows change with every order, so
// a reader splits a period into its closed days, whose sums are cached while those days are unchanged, and today,
// whose rows are kept in memory and patched with the rows written since the last look.
//
// Each request first asks what was written since the shop's last look: the shop's latest write (one step down the
// (shop, updatedAt) index) and, when it moved, the rows written in between (through the same index). That costs what
// was written, not the size of the shop: written rows of today replace their copy in memory, written rows of past
// days invalidate the cached sums whose range holds them. At least every FULL_CHECK_MS today's copy is compared with
// the day's count and sums in the database, and a cached sum's fingerprint (row count, latest write, net sales over
// its range, from an index alone) is read again in the background, the sum being dropped for the next request if it
// changed: that covers deleted rows, writers whose clocks lag behind and writes stamped with the very instant of a
// mark, within a minute. Marks are taken before anything is computed, so a write racing with a computation
// only causes a recompute. Results come back as the very same arrays while nothing they depend on was written, so
// what a page derives from them can be memoised on them. The cache is per process and bounded.
import { addDays } from "~/domain/dates";
import {
  getRollupDayCheck,
  getRollupFingerprint,
  getRollupsLastWrite,
  listRollupRowsOfDay,
  rollupRowsWrittenBetween,
  sumRollups,
  type RollupFilter,
  type RollupGroup,
  type RollupGroupRow,
  type RollupRow,
  type RollupWriteMark,
} from "../models/rollup-reads.server";
import type { DayPeriod } from "./date-range";
import { addInto, emptyTotals, ROLLUP_MEASURES, type RollupTotals } from "./rollup-totals";

const MAX_SHOPS = 32;
const MAX_ENTRIES_PER_SHOP = 64;
/** The longest a cached sum, or today's copy, goes without its full check against the database. */
export const FULL_CHECK_MS = 60_000;
/** More rows than this written between two looks (a rebuild) and the shop's cache starts again from the database. */
const MAX_WRITTEN_ROWS = 5_000;
/** Past days written, remembered to invalidate sums computed before; past that many, every cached sum is dropped. */
const MAX_PAST_WRITES = 1_000;

export type RollupSumFilter = Omit<RollupFilter, "from" | "to">;

export type RollupReader = {
  /** Rollup sums over a period grouped as asked: past days from the cache when unchanged, today from its copy. */
  sum<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<RollupGroupRow<G>[]>;
  /**
   * The same sums in two parts that add up to them: the period's closed days, and the rest (today, and days after
   * today). Each part is the same array while its days are unchanged, so work done on the closed part lasts until one
   * of those days is written, whatever happens today.
   */
  parts<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<{ closed: RollupGroupRow<G>[]; live: RollupGroupRow<G>[] }>;
};

type ClosedEntry = { fingerprint: string; checkedAt: number; checking?: boolean; seq: number; rows: readonly unknown[] };
type MergedEntry = { closed: readonly unknown[]; live: readonly unknown[]; rows: readonly unknown[] };
// One empty array for every empty part, so that an empty part is the same array from request to request.
const EMPTY = Object.freeze([]) as unknown as never[];

type ShopCache = {
  today: string;
  /** The latest write seen, as the database returns it; null before the first look or for a shop without rollups. */
  mark: RollupWriteMark | null;
  /** Increases with every look that found writes; cached sums remember the one they were computed after. */
  seq: number;
  /** Sums computed before this look are not trusted (after a reset or an overflow of pastWrites). */
  floorSeq: number;
  pastWrites: { seq: number; day: string }[];
  /** Today's rows by creator and campaign, and a version that moves whenever one of them does. */
  todayRows: Map<string, RollupRow>;
  todayLoaded: boolean;
  todayVersion: number;
  todayCheckedAt: number;
  closed: Map<string, ClosedEntry>;
  todaySums: Map<string, { version: number; rows: readonly unknown[] }>;
  merged: Map<string, MergedEntry>;
  /** Looks at the database are made one at a time per shop, each after the one before has been applied. */
  queue: Promise<unknown>;
};

const shops = new Map<string, ShopCache>();
/** Full checks of cached sums running in the background. */
const checks = new Set<Promise<void>>();

const rowKey = (creatorId: string, campaignId: string) => `${creatorId}\u0000${campaignId}`;

function sameMark(a: RollupWriteMark | null, b: RollupWriteMark | null): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function freeze<T extends { totals: RollupTotals }>(rows: T[]): T[] {
  for (const row of rows) Object.freeze(row.totals);
  return rows;
}

function bounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

function freshShop(today: string): ShopCache {
  return {
    today,
    mark: null,
    seq: 0,
    floorSeq: 0,
    pastWrites: [],
    todayRows: new Map(),
    todayLoaded: false,
    todayVersion: 0,
    todayCheckedAt: 0,
    closed: new Map(),
    todaySums: new Map(),
    merged: new Map(),
    queue: Promise.resolve(),
  };
}

/** Today's rows read again from the database (the next look re-reads whatever is written meanwhile). */
async function loadToday(shop: string, cache: ShopCache): Promise<void> {
  const rows = await listRollupRowsOfDay(shop, cache.today);
  cache.todayRows = new Map(rows.map((r) => [rowKey(r.creatorId, r.campaignId), { ...r, totals: Object.freeze(r.totals) }]));
  cache.todayLoaded = true;
  cache.todayVersion += 1;
  cache.todayCheckedAt = Date.now();
}

/** Starts the shop's cache again from a mark taken first: every cached sum dropped, today's rows read again. */
async function reset(shop: string, cache: ShopCache): Promise<void> {
  cache.mark = await getRollupsLastWrite(shop);
  cache.seq += 1;
  cache.floorSeq = cache.seq;
  cache.pastWrites = [];
  cache.closed.clear();
  await loadToday(shop, cache);
}

function todayMatches(cache: ShopCache, check: { rows: number; totals: RollupTotals }): boolean {
  if (check.rows !== cache.todayRows.size) return false;
  const held = emptyTotals();
  for (const row of cache.todayRows.values()) addInto(held, row.totals);
  return ROLLUP_MEASURES.every((m) => held[m] === check.totals[m]);
}

/** What was written since the shop's last look, applied to its cache. */
async function look(shop: string, cache: ShopCache): Promise<void> {
  if (cache.mark === null) {
    // First look (or a shop without rollups yet): nothing cached can be trusted.
    await reset(shop, cache);
    return;
  }
  const latest = await getRollupsLastWrite(shop);
  if (latest !== null && !sameMark(latest, cache.mark)) {
    const written = await rollupRowsWrittenBetween(shop, cache.mark, latest, MAX_WRITTEN_ROWS + 1);
    if (written.length > MAX_WRITTEN_ROWS) {
      await reset(shop, cache);
      return;
    }
    cache.seq += 1;
    let todayChanged = false;
    for (const row of written) {
      if (row.day === cache.today) {
        cache.todayRows.set(rowKey(row.creatorId, row.campaignId), { ...row, totals: Object.freeze(row.totals) });
        todayChanged = true;
      } else if (row.day < cache.today) {
        cache.pastWrites.push({ seq: cache.seq, day: row.day });
      }
      // Days after today are read live by every request (see sum).
    }
    if (todayChanged) cache.todayVersion += 1;
    if (cache.pastWrites.length > MAX_PAST_WRITES) {
      cache.floorSeq = cache.seq + 1;
      cache.pastWrites = [];
      cache.closed.clear();
    }
    cache.mark = latest;
  }
  if (!cache.todayLoaded) await loadToday(shop, cache);
  else if (Date.now() - cache.todayCheckedAt >= FULL_CHECK_MS) {
    // The full check of today's copy: a row deleted, or written with a stamp the marks did not catch.
    if (todayMatches(cache, await getRollupDayCheck(shop, cache.today))) cache.todayCheckedAt = Date.now();
    else await reset(shop, cache);
  }
}

function shopCache(shop: string, today: string): ShopCache | null {
  const cache = shops.get(shop);
  if (cache && cache.today === today) return cache;
  // A request of the day before, finishing after midnight, is served from the database alone.
  if (cache && cache.today > today) return null;
  const fresh = freshShop(today);
  if (cache) {
    // Cached sums stay valid, their days are still closed, and what was written since the last look is still to be
    // seen from its mark. Today's copy is read for the new day.
    fresh.mark = cache.mark;
    fresh.seq = cache.seq;
    fresh.floorSeq = cache.floorSeq;
    fresh.pastWrites = cache.pastWrites;
    fresh.closed = cache.closed;
  }
  bounded(shops, shop, fresh, MAX_SHOPS);
  return fresh;
}

function touchedSince(cache: ShopCache, period: DayPeriod, seq: number): boolean {
  if (seq < cache.floorSeq) return true;
  return cache.pastWrites.some((w) => w.seq > seq && w.day >= period.from && w.day <= period.to);
}

function passes(row: RollupRow, filter: RollupSumFilter): boolean {
  if (filter.creatorId !== undefined && row.creatorId !== filter.creatorId) return false;
  if (filter.campaignId !== undefined && row.campaignId !== filter.campaignId) return false;
  if (filter.rows === "credited" && row.creatorId === "") return false;
  if (filter.rows === "baseline" && row.creatorId !== "") return false;
  return true;
}

const groupValue = (row: RollupRow, group: RollupGroup): string =>
  group === "rowKind" ? (row.creatorId === "" ? "baseline" : "credited") : row[group];

function compareKeys(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A reader for one request: it looks at what was written since once, whatever number of sums it serves. */
export function createRollupReader(shop: string, today: string): RollupReader {
  const yesterday = addDays(today, -1);
  const cache = shopCache(shop, today);
  let looked: Promise<void> | null = null;
  const lookOnce = (c: ShopCache) => {
    if (!looked) {
      looked = c.queue.then(() => look(shop, c));
      c.queue = looked.catch(() => undefined);
    }
    return looked;
  };

  async function closedSum<G extends RollupGroup>(c: ShopCache, period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<RollupGroupRow<G>[]> {
    const key = JSON.stringify([period.from, period.to, filter, groupBy]);
    const hit = c.closed.get(key);
    if (hit && !touchedSince(c, period, hit.seq)) {
      if (Date.now() - hit.checkedAt >= FULL_CHECK_MS && !hit.checking) fullCheck(c, key, hit, period);
      return hit.rows as RollupGroupRow<G>[];
    }
    const seq = c.seq;
    const fingerprint = await getRollupFingerprint(shop, period);
    const rows = freeze(await sumRollups(shop, { ...filter, from: period.from, to: period.to }, groupBy));
    bounded(c.closed, key, { fingerprint, checkedAt: Date.now(), seq, rows }, MAX_ENTRIES_PER_SHOP);
    return rows;
  }

  /**
   * A cached sum's full check, off the request's path: its range's fingerprint is read again (from an index alone, but
   * over the whole range, which for a long campaign is most of the shop's rows) while the request is answered from the
   * cache; a different fingerprint drops the sum, so the next request computes it again.
   */
  function fullCheck(c: ShopCache, key: string, hit: ClosedEntry, period: DayPeriod): void {
    hit.checking = true;
    const drop = () => {
      if (c.closed.get(key) === hit) c.closed.delete(key);
    };
    const check = getRollupFingerprint(shop, period)
      .then((fingerprint) => {
        if (fingerprint === hit.fingerprint) hit.checkedAt = Date.now();
        else drop();
      })
      .catch((error: unknown) => {
        console.error("rollup cache: full check failed", error);
        drop();
      })
      .finally(() => {
        hit.checking = false;
        checks.delete(check);
      });
    checks.add(check);
  }

  /** Today's rows filtered and grouped in memory, the same array while today's rows are unchanged. */
  function todaySum<G extends RollupGroup>(c: ShopCache, filter: RollupSumFilter, groupBy: readonly G[]): RollupGroupRow<G>[] {
    const key = JSON.stringify([filter, groupBy]);
    const hit = c.todaySums.get(key);
    if (hit && hit.version === c.todayVersion) return hit.rows as RollupGroupRow<G>[];
    const groups = new Map<string, RollupGroupRow<G>>();
    for (const row of c.todayRows.values()) {
      if (!passes(row, filter)) continue;
      const values = groupBy.map((g) => groupValue(row, g));
      const k = values.join("\u0000");
      let group = groups.get(k);
      if (!group) {
        group = { totals: emptyTotals() } as RollupGroupRow<G>;
        for (const [i, g] of groupBy.entries()) (group as Record<string, unknown>)[g] = values[i];
        groups.set(k, group);
      }
      addInto(group.totals, row.totals);
    }
    // Sums of nothing are one row of zeros, as SQL's aggregate without GROUP BY returns.
    if (groupBy.length === 0 && groups.size === 0) groups.set("", { totals: emptyTotals() } as RollupGroupRow<G>);
    const rows = freeze([...groups.entries()].sort((a, b) => compareKeys(a[0], b[0])).map(([, row]) => row));
    bounded(c.todaySums, key, { version: c.todayVersion, rows }, MAX_ENTRIES_PER_SHOP);
    return rows;
  }

  function merge<G extends RollupGroup>(groupBy: readonly G[], parts: readonly (readonly RollupGroupRow<G>[])[]): RollupGroupRow<G>[] {
    const nonEmpty = parts.filter((p) => p.length > 0);
    if (nonEmpty.length <= 1) return (nonEmpty[0] ?? parts[0] ?? []) as RollupGroupRow<G>[];
    // Merge by group, adding later parts into copies of the first's sums.
    const groupKey = (row: Record<string, unknown>) => groupBy.map((g) => row[g]).join("\u0000");
    const merged = new Map<string, RollupGroupRow<G>>();
    for (const part of nonEmpty) {
      for (const row of part) {
        const k = groupKey(row);
        const existing = merged.get(k);
        if (existing) addInto(existing.totals, row.totals);
        else merged.set(k, { ...row, totals: addInto(emptyTotals(), row.totals) });
      }
    }
    // Keep the order sumRollups gives (by the group columns), so callers see the same rows either way.
    return freeze([...merged.entries()].sort((a, b) => compareKeys(a[0], b[0])).map(([, row]) => row));
  }

  async function parts<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<{ closed: RollupGroupRow<G>[]; live: RollupGroupRow<G>[] }> {
    if (!cache) return { closed: EMPTY, live: await sumRollups(shop, { ...filter, from: period.from, to: period.to }, groupBy) };
    await lookOnce(cache);
    const closed = period.from <= yesterday ? { from: period.from, to: period.to < yesterday ? period.to : yesterday } : null;
    const hasToday = period.from <= today && period.to >= today;
    const future = period.to > today ? { from: period.from > today ? period.from : addDays(today, 1), to: period.to } : null;
    const [closedRows, futureRows] = await Promise.all([
      closed ? closedSum(cache, closed, filter, groupBy) : Promise.resolve<RollupGroupRow<G>[]>(EMPTY),
      future ? sumRollups(shop, { ...filter, from: future.from, to: future.to }, groupBy) : Promise.resolve(null),
    ]);
    const todayRows = hasToday ? todaySum(cache, filter, groupBy) : EMPTY;
    return { closed: closedRows, live: futureRows === null ? todayRows : merge(groupBy, [todayRows, futureRows]) };
  }

  return {
    parts,

    async sum(period, filter, groupBy) {
      const { closed, live } = await parts(period, filter, groupBy);
      if (live.length === 0) return closed;
      if (closed.length === 0) return live;
      // The merged rows stay the same array while neither part changed (days after today are read anew each time).
      const key = JSON.stringify([period.from, period.to, filter, groupBy]);
      const hit = cache?.merged.get(key);
      if (hit && hit.closed === closed && hit.live === live) return hit.rows as typeof closed;
      const rows = merge(groupBy, [closed, live]);
      if (cache) bounded(cache.merged, key, { closed, live, rows }, MAX_ENTRIES_PER_SHOP);
      return rows;
    },
  };
}

/** Forgets every cached sum and today's copies (tests). */
export function clearClosedDaysCache(): void {
  shops.clear();
}

/** Waits for the full checks running in the background (tests). */
export async function settleClosedDaysChecks(): Promise<void> {
  while (checks.size > 0) await Promise.all([...checks]);
}

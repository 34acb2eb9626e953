// Sums of past days' rollups kept in memory until one of those days changes. Past days rarely change (a late
// cancellation, a rebuild under a new attribution model) while today's rows change with every order, so a reader
// splits a period into its closed days, served from the cache while they are unchanged, and today, always read live.
// "Unchanged" is checked two ways: on every request, no row of those days was written since the mark taken before the
// sums were computed (a look at the rows written since, through the (shop, updatedAt) index); and at least every
// FULL_CHECK_MS, their fingerprint (row count, latest write, net sales over the range, read from an index alone) is
// the same — which also covers writers whose clocks lag behind. Marks are read before computing, so a write racing
// with the computation only causes a recompute. The cache is per process and bounded.
import { addDays } from "~/domain/dates";
import {
  getRollupFingerprint,
  getRollupsLastWrite,
  rollupsWrittenSince,
  sumRollups,
  type RollupFilter,
  type RollupGroup,
  type RollupGroupRow,
  type RollupWriteMark,
} from "../models/rollup-reads.server";
import type { DayPeriod } from "./date-range";
import { addInto, emptyTotals } from "./rollup-totals";

const MAX_ENTRIES = 64;
/** The longest a cached sum goes without its full fingerprint check. */
export const FULL_CHECK_MS = 60_000;
// Rows of any grouping: the key records the grouping, so a hit always holds rows of the grouping asked for.
type CachedRows = { fingerprint: string; mark: RollupWriteMark | null; checkedAt: number; rows: readonly unknown[] };
const entries = new Map<string, CachedRows>();

export type RollupSumFilter = Omit<RollupFilter, "from" | "to">;

export type RollupReader = {
  /** Rollup sums over a period grouped as asked: past days from the cache when unchanged, today live. */
  sum<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<RollupGroupRow<G>[]>;
};

function freeze<G extends RollupGroup>(rows: RollupGroupRow<G>[]): RollupGroupRow<G>[] {
  for (const row of rows) Object.freeze(row.totals);
  return rows;
}

function remember(key: string, value: CachedRows): void {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, value);
}

/** A reader for one request: fingerprints of a range are read once per request, whatever number of sums use them. */
export function createRollupReader(shop: string, today: string): RollupReader {
  const yesterday = addDays(today, -1);
  const fingerprints = new Map<string, Promise<string>>();
  let lastWrite: Promise<RollupWriteMark | null> | null = null;
  const fingerprintOf = (period: DayPeriod) => {
    const key = `${period.from}..${period.to}`;
    let fingerprint = fingerprints.get(key);
    if (!fingerprint) {
      fingerprint = getRollupFingerprint(shop, period);
      fingerprints.set(key, fingerprint);
    }
    return fingerprint;
  };

  async function stillValid(hit: CachedRows, period: DayPeriod): Promise<boolean> {
    if (Date.now() - hit.checkedAt < FULL_CHECK_MS && hit.mark !== null) return !(await rollupsWrittenSince(shop, period, hit.mark));
    if ((await fingerprintOf(period)) !== hit.fingerprint) return false;
    hit.checkedAt = Date.now();
    return true;
  }

  async function closedSum<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<RollupGroupRow<G>[]> {
    const key = JSON.stringify([shop, period.from, period.to, filter, groupBy]);
    const hit = entries.get(key);
    if (hit && (await stillValid(hit, period))) {
      remember(key, hit);
      return hit.rows as RollupGroupRow<G>[];
    }
    lastWrite ??= getRollupsLastWrite(shop);
    const [mark, fingerprint] = await Promise.all([lastWrite, fingerprintOf(period)]);
    const rows = freeze(await sumRollups(shop, { ...filter, from: period.from, to: period.to }, groupBy));
    remember(key, { fingerprint, mark, checkedAt: Date.now(), rows });
    return rows;
  }

  return {
    async sum(period, filter, groupBy) {
      const closed = period.from <= yesterday ? { from: period.from, to: period.to < yesterday ? period.to : yesterday } : null;
      const open = period.to >= today ? { from: period.from > today ? period.from : today, to: period.to } : null;
      const [closedRows, openRows] = await Promise.all([
        closed ? closedSum(closed, filter, groupBy) : Promise.resolve([]),
        open ? sumRollups(shop, { ...filter, from: open.from, to: open.to }, groupBy) : Promise.resolve([]),
      ]);
      if (openRows.length === 0) return closedRows;
      if (closedRows.length === 0) return openRows;
      // Merge by group, adding today's sums into copies of the cached ones.
      const groupKey = (row: Record<string, unknown>) => groupBy.map((g) => row[g]).join("\u0000");
      const merged = new Map<string, (typeof closedRows)[number]>();
      for (const row of closedRows) merged.set(groupKey(row), { ...row, totals: addInto(emptyTotals(), row.totals) });
      for (const row of openRows) {
        const existing = merged.get(groupKey(row));
        if (existing) addInto(existing.totals, row.totals);
        else merged.set(groupKey(row), row);
      }
      const out = [...merged.values()];
      // Keep the order sumRollups gives (by the group columns), so callers see the same rows either way.
      return out.sort((a, b) => {
        const x = groupKey(a);
        const y = groupKey(b);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    },
  };
}

/** Forgets every cached sum (tests). */
export function clearClosedDaysCache(): void {
  entries.clear();
}

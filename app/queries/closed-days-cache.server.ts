// Sums of past days' rollups kept in memory until one of those days changes. Past days rarely change (a late
// cancellation, a rebuild under a new attribution model) while today's rows change with every order, so a reader
// splits a period into its closed days, served from the cache when their fingerprint (row count, latest update, net
// sales — read from an index alone) is unchanged, and today, always read live. The cache is per process and bounded;
// a fingerprint read before computing guarantees that a write racing with the computation only causes a recompute.
import { addDays } from "~/domain/dates";
import { getRollupFingerprint, sumRollups, type RollupFilter, type RollupGroup, type RollupGroupRow } from "../models/rollup-reads.server";
import type { DayPeriod } from "./date-range";
import { addInto, emptyTotals } from "./rollup-totals";

const MAX_ENTRIES = 64;
// Rows of any grouping: the key records the grouping, so a hit always holds rows of the grouping asked for.
type CachedRows = { fingerprint: string; rows: readonly unknown[] };
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
  const fingerprintOf = (period: DayPeriod) => {
    const key = `${period.from}..${period.to}`;
    let fingerprint = fingerprints.get(key);
    if (!fingerprint) {
      fingerprint = getRollupFingerprint(shop, period);
      fingerprints.set(key, fingerprint);
    }
    return fingerprint;
  };

  async function closedSum<G extends RollupGroup>(period: DayPeriod, filter: RollupSumFilter, groupBy: readonly G[]): Promise<RollupGroupRow<G>[]> {
    const key = JSON.stringify([shop, period.from, period.to, filter, groupBy]);
    const fingerprint = await fingerprintOf(period);
    const hit = entries.get(key);
    if (hit && hit.fingerprint === fingerprint) {
      remember(key, hit);
      return hit.rows as RollupGroupRow<G>[];
    }
    const rows = freeze(await sumRollups(shop, { ...filter, from: period.from, to: period.to }, groupBy));
    remember(key, { fingerprint, rows });
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

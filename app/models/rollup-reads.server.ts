// Aggregated reads of DailyRollup for the analytics pages: sums over a period grouped the way a page needs them.
// The rollup rows themselves are written by ingestion; nothing here writes. SQL is parameterised through
// Prisma.sql (the column and group names come from the constant lists below, never from a request), and is the
// same on SQLite and PostgreSQL: quoted identifiers, SUM over integers (bigint on both, converted exactly).
import { Prisma } from "../generated/prisma/client";
import { db } from "../db.server";
import { emptyTotals, ROLLUP_MEASURES, type RollupTotals } from "../queries/rollup-totals";

export type RollupFilter = {
  from?: string;
  to?: string;
  creatorId?: string;
  campaignId?: string;
  /** "credited": creator rows only; "baseline": the shop's uncredited row only; "all" (default). */
  rows?: "credited" | "baseline" | "all";
};

const GROUP_COLUMNS = {
  creatorId: '"creatorId"',
  campaignId: '"campaignId"',
  day: '"day"',
  /** "baseline" for the shop's uncredited row, "credited" for creator rows. */
  rowKind: `CASE WHEN "creatorId" = '' THEN 'baseline' ELSE 'credited' END`,
} as const;
export type RollupGroup = keyof typeof GROUP_COLUMNS;

export type RollupGroupRow<G extends RollupGroup> = Record<G, string> & { totals: RollupTotals };

const SUMS = Prisma.raw(ROLLUP_MEASURES.map((m) => `SUM("${m}") AS "${m}"`).join(", "));

/** An exact integer from a driver's aggregate (bigint, number or numeric string); refuses what a number cannot hold. */
export function toSafeInteger(value: unknown, what: string): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number(String(value));
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is not a safe integer: ${String(value)}`);
  return n;
}

function whereOf(shop: string, filter: RollupFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`"shop" = ${shop}`];
  if (filter.from !== undefined) parts.push(Prisma.sql`"day" >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(Prisma.sql`"day" <= ${filter.to}`);
  if (filter.creatorId !== undefined) parts.push(Prisma.sql`"creatorId" = ${filter.creatorId}`);
  if (filter.campaignId !== undefined) parts.push(Prisma.sql`"campaignId" = ${filter.campaignId}`);
  if (filter.rows === "credited") parts.push(Prisma.sql`"creatorId" <> ''`);
  if (filter.rows === "baseline") parts.push(Prisma.sql`"creatorId" = ''`);
  return Prisma.join(parts, " AND ");
}

function totalsOf(row: Record<string, unknown>): RollupTotals {
  const totals = emptyTotals();
  for (const m of ROLLUP_MEASURES) totals[m] = toSafeInteger(row[m], m);
  return totals;
}

/** Rollup sums of a shop matching the filter, one row per distinct value of the group columns (ordered by them). */
export async function sumRollups<G extends RollupGroup>(
  shop: string,
  filter: RollupFilter,
  groupBy: readonly G[],
): Promise<RollupGroupRow<G>[]> {
  const columns = groupBy.map((g) => GROUP_COLUMNS[g]).join(", ");
  const select = groupBy.length ? Prisma.raw(`${groupBy.map((g) => `${GROUP_COLUMNS[g]} AS "${g}"`).join(", ")}, `) : Prisma.empty;
  const group = groupBy.length ? Prisma.raw(` GROUP BY ${columns} ORDER BY ${columns}`) : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT ${select}${SUMS} FROM "DailyRollup" WHERE ${whereOf(shop, filter)}${group}`;
  return rows.map((row) => {
    const out = { totals: totalsOf(row) } as RollupGroupRow<G>;
    for (const g of groupBy) (out as Record<string, unknown>)[g] = String(row[g]);
    return out;
  });
}

/** Rollup sums of a shop matching the filter, as one total. */
export async function totalRollups(shop: string, filter: RollupFilter): Promise<RollupTotals> {
  const [row] = await sumRollups(shop, filter, []);
  return row?.totals ?? emptyTotals();
}

/** The first day with any rollup row of the shop, null for a shop without any (where its history starts). */
export async function firstRollupDay(shop: string): Promise<string | null> {
  const row = await db.dailyRollup.findFirst({ where: { shop }, orderBy: { day: "asc" }, select: { day: true } });
  return row?.day ?? null;
}

/**
 * A fingerprint of the shop's rollup rows of a range of days: their count, latest update and net sales, read from the
 * (shop, day, updatedAt, netMinor) index without touching the rows. Any write to one of those days changes it.
 */
export async function getRollupFingerprint(shop: string, period: { from: string; to: string }): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT COUNT(*) AS "n", MAX("updatedAt") AS "at", SUM("netMinor") AS "net" FROM "DailyRollup" WHERE "shop" = ${shop} AND "day" >= ${period.from} AND "day" <= ${period.to}`;
  const row = rows[0] ?? {};
  const at = row.at instanceof Date ? row.at.toISOString() : String(row.at ?? "");
  return `${toSafeInteger(row.n, "n")}|${at}|${toSafeInteger(row.net, "net")}`;
}

/** The instant of the latest write to the shop's rollups, as the database returns it (text on SQLite, a Date on PostgreSQL). */
export type RollupWriteMark = string | Date;

/** The latest write to the shop's rollups (one step down the (shop, updatedAt) index), null for a shop without any. */
export async function getRollupsLastWrite(shop: string): Promise<RollupWriteMark | null> {
  const rows = await db.$queryRaw<{ at: unknown }[]>`SELECT MAX("updatedAt") AS "at" FROM "DailyRollup" WHERE "shop" = ${shop}`;
  const at = rows[0]?.at;
  return at instanceof Date || typeof at === "string" ? at : null;
}

/** One stored rollup row. */
export type RollupRow = { creatorId: string; campaignId: string; day: string; totals: RollupTotals };

const ROW_COLUMNS = Prisma.raw(['"creatorId"', '"campaignId"', '"day"', ...ROLLUP_MEASURES.map((m) => `"${m}"`)].join(", "));

function rowOf(row: Record<string, unknown>): RollupRow {
  return { creatorId: String(row.creatorId), campaignId: String(row.campaignId), day: String(row.day), totals: totalsOf(row) };
}

/** Every rollup row of the shop on one day (found through the (shop, day) index). */
export async function listRollupRowsOfDay(shop: string, day: string): Promise<RollupRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT ${ROW_COLUMNS} FROM "DailyRollup" WHERE "shop" = ${shop} AND "day" = ${day}`;
  return rows.map(rowOf);
}

/**
 * The shop's rollup rows written after one mark and up to another (both from getRollupsLastWrite), at most `limit` of
 * them: found through the (shop, updatedAt) index, so reading them costs what was written in between, whatever the
 * shop's size. (A write stamped with the first mark's very instant, or committed after this read with an instant
 * before the second mark, is not seen here; callers also compare a full fingerprint now and then.)
 */
export async function rollupRowsWrittenBetween(shop: string, after: RollupWriteMark, upTo: RollupWriteMark, limit: number): Promise<RollupRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT ${ROW_COLUMNS} FROM "DailyRollup" WHERE "shop" = ${shop} AND "updatedAt" > ${after} AND "updatedAt" <= ${upTo} LIMIT ${limit}`;
  return rows.map(rowOf);
}

/** The number of the shop's rollup rows on one day and their sums: what a copy of that day's rows held in memory must match. */
export async function getRollupDayCheck(shop: string, day: string): Promise<{ rows: number; totals: RollupTotals }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT COUNT(*) AS "n", ${SUMS} FROM "DailyRollup" WHERE "shop" = ${shop} AND "day" = ${day}`;
  const row = rows[0] ?? {};
  return { rows: toSafeInteger(row.n, "n"), totals: totalsOf(row) };
}

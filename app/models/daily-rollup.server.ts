import { ROLLUP_DELTA_METRICS, type RollupDelta } from "../domain/attribution";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./transaction.server";

// DailyRollup stores "" where the domain says null (no creator: the shop's baseline; no campaign).
const key = (value: string | null) => value ?? "";

/** A DailyRollup row as stored (ids "" for none), without its bookkeeping columns. */
export type DailyRollupRow = Omit<RollupDelta, "creatorId" | "campaignId"> & { creatorId: string; campaignId: string; clicks: number };

const METRICS = ROLLUP_DELTA_METRICS;

// Column names come from the constant list above, never from input.
const INSERT_COLUMNS = Prisma.raw(['"shop"', '"creatorId"', '"campaignId"', '"day"', ...METRICS.map((m) => `"${m}"`), '"updatedAt"'].join(", "));
// updatedAt moves with every change: the analytics pages fingerprint a range of days with it.
const ADD_EXCLUDED = Prisma.raw([...METRICS.map((m) => `"${m}" = "DailyRollup"."${m}" + excluded."${m}"`), '"updatedAt" = excluded."updatedAt"'].join(", "));

/**
 * Adds signed deltas to the shop's daily rollups with atomic increments: one INSERT … ON CONFLICT DO UPDATE that adds
 * each value to the stored one (SQLite and PostgreSQL alike), so that concurrent writers add up instead of
 * overwriting each other, in a single statement whatever the number of rows.
 */
export async function applyRollupDeltas(tx: Tx, shop: string, deltas: readonly RollupDelta[], now: Date = new Date()): Promise<void> {
  if (deltas.length === 0) return;
  const values = deltas.map(
    (delta) => Prisma.sql`(${shop}, ${key(delta.creatorId)}, ${key(delta.campaignId)}, ${delta.day}, ${Prisma.join(METRICS.map((m) => delta[m]))}, ${now})`,
  );
  await tx.$executeRaw`INSERT INTO "DailyRollup" (${INSERT_COLUMNS}) VALUES ${Prisma.join(values)} ON CONFLICT ("shop", "creatorId", "campaignId", "day") DO UPDATE SET ${ADD_EXCLUDED}`;
}

/** Replaces every rollup row of the shop (a rebuild). */
export async function replaceShopRollups(tx: Tx, shop: string, rows: readonly DailyRollupRow[]): Promise<void> {
  await tx.dailyRollup.deleteMany({ where: { shop } });
  const chunk = 500;
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.dailyRollup.createMany({ data: rows.slice(i, i + chunk).map((row) => ({ shop, ...row })) });
  }
}

/** Every rollup row of the shop, in a stable order. */
export async function listShopRollups(tx: Tx, shop: string): Promise<DailyRollupRow[]> {
  return tx.dailyRollup.findMany({
    where: { shop },
    orderBy: [{ day: "asc" }, { creatorId: "asc" }, { campaignId: "asc" }],
    select: {
      creatorId: true,
      campaignId: true,
      day: true,
      clicks: true,
      orders: true,
      orderCreditPpm: true,
      codeOrders: true,
      linkOrders: true,
      newCustomers: true,
      grossMinor: true,
      discountsMinor: true,
      refundsMinor: true,
      netMinor: true,
      repeatOrders: true,
      repeatNetMinor: true,
      cogsMinor: true,
      cogsCoveredMinor: true,
    },
  });
}

/** Human clicks of the shop per creator, campaign and instant, for a rebuild (bucketed by day by the caller). */
export async function listShopClickInstants(tx: Tx, shop: string): Promise<{ creatorId: string; campaignId: string; at: Date }[]> {
  return tx.click.findMany({ where: { shop, isBot: false }, select: { creatorId: true, campaignId: true, at: true } });
}

import type { RollupDelta } from "../domain/attribution";
import type { Tx } from "./transaction.server";

// DailyRollup stores "" where the domain says null (no creator: the shop's baseline; no campaign).
const key = (value: string | null) => value ?? "";

/** A DailyRollup row as stored (ids "" for none). */
export type DailyRollupRow = Omit<RollupDelta, "creatorId" | "campaignId"> & { creatorId: string; campaignId: string; clicks: number };

/**
 * Adds signed deltas to the shop's daily rollups with atomic increments (an upsert per row), so that concurrent
 * writers add up instead of overwriting each other.
 */
export async function applyRollupDeltas(tx: Tx, shop: string, deltas: readonly RollupDelta[]): Promise<void> {
  for (const delta of deltas) {
    const { creatorId, campaignId, day, ...metrics } = delta;
    const id = { shop, creatorId: key(creatorId), campaignId: key(campaignId), day };
    const increments = Object.fromEntries(Object.entries(metrics).map(([name, value]) => [name, { increment: value }]));
    await tx.dailyRollup.upsert({
      where: { shop_creatorId_campaignId_day: id },
      create: { ...id, ...metrics },
      update: increments,
      select: { day: true },
    });
  }
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

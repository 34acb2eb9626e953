// The shop's analytics settings (attribution model and window, default margin) and the rollup rebuild that a
// change of model or window needs. The rebuild itself belongs to ingestion (job "rebuild-rollups").
import type { AttributionModel } from "../domain/attribution";
import { db } from "../db.server";
import { enqueueJob } from "../jobs/job-queue.server";

/** The job that recomputes a shop's DailyRollup sales columns from orders and touches under its current model. */
export const REBUILD_ROLLUPS_JOB = "rebuild-rollups";

export type ShopSettings = {
  currencyCode: string;
  ianaTimezone: string;
  attributionModel: string;
  attributionWindowDays: number;
  defaultMarginBps: number;
};

export type SettingsInput = {
  attributionModel: AttributionModel;
  attributionWindowDays: number;
  defaultMarginBps: number;
};

const DEFAULTS: ShopSettings = {
  currencyCode: "USD",
  ianaTimezone: "UTC",
  attributionModel: "code_first_last_touch",
  attributionWindowDays: 30,
  defaultMarginBps: 5000,
};

const SELECT = {
  currencyCode: true,
  ianaTimezone: true,
  attributionModel: true,
  attributionWindowDays: true,
  defaultMarginBps: true,
} as const;

/** The shop's settings; the schema defaults for a shop not yet recorded. */
export async function getShopSettings(shop: string): Promise<ShopSettings> {
  return (await db.shop.findUnique({ where: { shop }, select: SELECT })) ?? DEFAULTS;
}

export type RebuildStatus = {
  /** pending | running | done | failed */
  status: string;
  requestedAt: string;
  updatedAt: string;
  attempts: number;
  lastError: string | null;
};

/** The latest rollup rebuild of the shop, null when none was ever requested. */
export async function getRollupRebuildStatus(shop: string): Promise<RebuildStatus | null> {
  const job = await db.job.findFirst({
    where: { shop, name: REBUILD_ROLLUPS_JOB },
    orderBy: { createdAt: "desc" },
    select: { status: true, createdAt: true, updatedAt: true, attempts: true, lastError: true },
  });
  if (!job) return null;
  return {
    status: job.status,
    requestedAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    attempts: job.attempts,
    lastError: job.lastError,
  };
}

export type SettingsUpdate = { settings: ShopSettings; rebuildRequested: boolean };

/**
 * Saves the settings. A different attribution model or window changes every credited figure, so it enqueues a
 * rollup rebuild (unless one is already waiting to start, which will read the new settings); if the rebuild cannot
 * be enqueued the previous settings are restored, so the rollups never silently disagree with the settings shown.
 */
export async function updateShopSettings(shop: string, input: SettingsInput): Promise<SettingsUpdate> {
  const before = await db.shop.upsert({ where: { shop }, create: { shop }, update: {}, select: SELECT });
  const settings = await db.shop.update({ where: { shop }, data: input, select: SELECT });
  const attributionChanged =
    before.attributionModel !== input.attributionModel || before.attributionWindowDays !== input.attributionWindowDays;
  if (!attributionChanged) return { settings, rebuildRequested: false };
  try {
    const waiting = await db.job.findFirst({ where: { shop, name: REBUILD_ROLLUPS_JOB, status: "pending" }, select: { id: true } });
    if (!waiting) {
      await enqueueJob({
        name: REBUILD_ROLLUPS_JOB,
        shop,
        payload: { reason: "attribution_settings_changed", model: input.attributionModel, windowDays: input.attributionWindowDays },
      });
    }
  } catch (error) {
    await db.shop.update({
      where: { shop },
      data: {
        attributionModel: before.attributionModel,
        attributionWindowDays: before.attributionWindowDays,
        defaultMarginBps: before.defaultMarginBps,
      },
    });
    throw error;
  }
  return { settings, rebuildRequested: true };
}

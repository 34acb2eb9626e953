import type { ClvPoint } from "~/domain/metrics";
import { listCohortSnapshots } from "../models/cohort-snapshot.server";
import { CHANNEL_ORDER } from "./channels";
import { parseCohortSnapshotData, type RepeatPoint } from "./cohort-snapshot-data";
import { ensureCohortSnapshots, type SnapshotFreshness } from "./cohort-snapshots.server";

export { CHANNEL_ORDER };

export type ChannelClv = { channel: string; customers: number; clv: ClvPoint[]; repeat: RepeatPoint[] };
export type ClvByChannel = SnapshotFreshness & { channels: ChannelClv[] };

/**
 * Realised CLV at 30/90/180/365 days of customers acquired by creators against the shop's other acquisition
 * channels (paid social, search, email, organic, direct…), from the cohort snapshot.
 */
export async function getClvByChannel(shop: string, now: Date = new Date()): Promise<ClvByChannel> {
  const freshness = await ensureCohortSnapshots(shop, now);
  const rows = await listCohortSnapshots(shop, "channel");
  const rank = (channel: string) => {
    const i = (CHANNEL_ORDER as readonly string[]).indexOf(channel);
    return i < 0 ? CHANNEL_ORDER.length : i;
  };
  const channels = rows
    .map((row) => {
      const data = parseCohortSnapshotData(row.data);
      return { channel: row.key, customers: row.customers, clv: data.clv, repeat: data.repeat };
    })
    .sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel));
  return { ...freshness, channels };
}

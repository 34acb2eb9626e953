/** The acquisition channel of customers a creator acquired. */
export const CREATOR_CHANNEL = "creator";

/** Channels in the order the pages show them: creators first, then the shop's other acquisition channels. */
export const CHANNEL_ORDER = [CREATOR_CHANNEL, "paid_social", "search", "email", "organic_social", "organic", "direct", "other"] as const;

/** The CSV exports of the analytics pages (route /app/export/:table). */
export const CSV_TABLES = [
  "leaderboard",
  "trend",
  "tiers",
  "compensation",
  "channels",
  "creator-orders",
  "creator-cohorts",
  "creator-costs",
  "campaign-creators",
  "campaign-days",
] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

// Every literal analytics.* key used by the analytics pages exists in every locale, and so do the keys built from
// the enumerations they render (reasons, models, channels, tiers, compensation types, explanation kinds).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ATTRIBUTION_MODELS } from "~/domain/attribution";
import { LOCALES, MESSAGES } from "../../i18n/locales";
import { createTranslator } from "../../i18n/translate";
import { CHANNEL_ORDER, CSV_TABLES } from "../../queries/channels";
import { COMPENSATION_TYPES, NO_CAMPAIGN, LEADERBOARD_SORTS } from "../../queries/creator-leaderboard";
import { RANGE_PRESETS } from "../../queries/date-range";
import { KPI_KEYS } from "../../queries/kpi-cards";

const root = path.resolve(__dirname, "../..");
const sources = [
  "components/analytics",
  "components/TrendChart.tsx",
  "components/CreatorPerformanceFunnel.tsx",
  "components/CreatorPerformanceCohorts.tsx",
  "components/CreatorPerformanceCosts.tsx",
  "components/CreatorPerformanceOrders.tsx",
  "components/CreatorPerformanceAssets.tsx",
  "routes/app._index.tsx",
  "routes/app.settings.tsx",
  "routes/app.creators.$creatorId_.performance.tsx",
  "routes/app.campaigns.$campaignId_.report.tsx",
  "queries/csv-exports.server.ts",
  "queries/settings-input.ts",
].flatMap((entry) => {
  const full = path.join(root, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).filter((n) => /\.(ts|tsx)$/.test(n) && !n.includes(".test.")).map((n) => path.join(full, n));
});

const literal = [...new Set(sources.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/["'`](analytics\.[A-Za-z0-9_.-]+[A-Za-z0-9_-])["'`]/g)].map((m) => m[1]!)))];
const reasons = [
  "no_cost", "cost_unknown", "gross_profit_unknown", "negative_cost", "no_orders", "no_clicks", "no_customers",
  "no_mature_customers", "no_sales", "no_previous", "no_forecast", "current_undefined", "previous_undefined", "unknown",
];
const built = [
  ...reasons.map((r) => `analytics.reasons.${r}`),
  ...ATTRIBUTION_MODELS.flatMap((m) => [`analytics.models.${m}`, `analytics.settings.modelHelp.${m}`]),
  ...CHANNEL_ORDER.map((c) => `analytics.channels.${c}`),
  ...[...COMPENSATION_TYPES, NO_CAMPAIGN].map((c) => `analytics.compensation.${c}`),
  ...LEADERBOARD_SORTS.map((s) => `analytics.columns.${s}`),
  ...CSV_TABLES.map((table) => `analytics.export.tables.${table}`),
  ...RANGE_PRESETS.map((p) => `analytics.range.presets.${p}`),
  ...KPI_KEYS.map((k) => `analytics.kpis.${k}`),
  "analytics.kpis.noComparison",
  ...["code", "utm", "click", "journey_first", "journey_last"].map((k) => `analytics.explain.kinds.${k}`),
  ...["code", "utm", "click", "first_touch", "last_touch", "linear", "position_based", "none"].map((r) => `analytics.explain.rules.${r}`),
  ...["counted", "outside_window", "after_order"].map((s) => `analytics.explain.status.${s}`),
  ...["active", "inactive", "deleted", "needs_repair"].map((s) => `analytics.assets.states.${s}`),
  ...["new", "returning", "unknown"].map((c) => `analytics.orders.customer.${c}`),
  ...["invalid", "negative", "too_precise", "over_100"].map((e) => `analytics.costs.errors.${e}`),
  ...["pending", "running"].map((s) => `analytics.settings.rebuild.${s}Title`),
  "nav.settings",
];

describe("analytics strings", () => {
  test("the sources use some keys (the scan works)", () => {
    expect(literal.length).toBeGreaterThan(100);
  });
  test.each(LOCALES.flatMap((locale) => [...literal, ...built].map((key) => [locale, key] as const)))("%s has %s", (locale, key) => {
    const t = createTranslator(MESSAGES[locale], locale);
    expect(t(key, { count: 2 })).not.toBe(key);
  });
});

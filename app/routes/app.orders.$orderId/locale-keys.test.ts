import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ATTRIBUTION_MODELS } from "../../domain/attribution";
import { LOCALES, MESSAGES } from "../../i18n/locales";
import { createTranslator } from "../../i18n/translate";

const app = path.resolve(__dirname, "../..");
// The order explanation page and the order history page, with their components.
const sources = [
  ...fs.readdirSync(__dirname).filter((name) => /\.(ts|tsx)$/.test(name) && !name.includes(".test.")).map((name) => path.join(__dirname, name)),
  path.join(app, "routes/app.history.tsx"),
  path.join(app, "components/BackfillStatus.tsx"),
  path.join(app, "components/DataRequestsCard.tsx"),
  path.join(app, "components/RecentOrdersCard.tsx"),
];

const literalKeys = [
  ...new Set(sources.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/["'`]((?:orderDetail|history|nav)\.[A-Za-z0-9_.]+)["'`]/g)].map((m) => m[1]!))),
];
const templatedKeys = [
  ...["code", "utm", "click", "journey_first", "journey_last", "manual"].map((kind) => `orderDetail.signals.kinds.${kind}`),
  ...["counted", "outside_window", "after_order"].map((status) => `orderDetail.signals.status.${status}`),
  ...["code", "utm", "click", "first_touch", "last_touch", "linear", "position_based", "none"].map((rule) => `orderDetail.rule.${rule}`),
  ...ATTRIBUTION_MODELS.map((model) => `orderDetail.models.${model}`),
  ...["new", "returning", "unknown"].map((type) => `orderDetail.customerType.${type}`),
  ...["reassigned", "cleared"].map((done) => `orderDetail.done.${done}`),
  ...["creatorId", "campaignId", "invalid"].map((field) => `orderDetail.errors.${field}`),
  ...["exporting", "importing", "completed", "failed"].map((status) => `history.backfill.status.${status}`),
  ...["all", "recent", "none"].map((reach) => `history.backfill.reach.${reach}`),
  "nav.history",
];

describe("every string of the order explanation and order history pages exists in each locale", () => {
  test("the scan finds the pages' keys", () => {
    expect(literalKeys.length).toBeGreaterThan(50);
  });
  const keys = [...literalKeys.filter((key) => !templatedKeys.some((full) => full.startsWith(`${key}.`))), ...templatedKeys];
  test.each(LOCALES.flatMap((locale) => keys.map((key) => [locale, key] as const)))("%s: %s", (locale, key) => {
    const text = createTranslator(MESSAGES[locale], locale)(key, { count: 2 });
    expect(text).not.toBe(key);
    expect(text.trim()).not.toBe("");
  });

  test("French is not English", () => {
    const en = createTranslator(MESSAGES.en, "en");
    const fr = createTranslator(MESSAGES.fr, "fr");
    const same = keys.filter((key) => en(key, { count: 2 }) === fr(key, { count: 2 }) && !key.startsWith("nav."));
    expect(same).toEqual([]);
  });
});

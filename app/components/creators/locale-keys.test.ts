import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CAMPAIGN_ERRORS, CAMPAIGN_OBJECTIVES, CAMPAIGN_STATUSES, COMPENSATION_TYPES, DISCOUNT_TYPES } from "../../domain/campaigns";
import { PLATFORMS, TIERS } from "../../domain/creators";
import { LOCALES, MESSAGES } from "../../i18n/locales";
import { createTranslator } from "../../i18n/translate";

const root = path.resolve(__dirname, "../..");
// The creator and campaign pages, and the components they share.
const sources = [
  "components/creators",
  "components/campaigns",
  "components/ResourceErrorBoundary.tsx",
  "routes/app.creators._index",
  "routes/app.creators.new",
  "routes/app.creators.$creatorId",
  "routes/app.creators.import",
  "routes/app.campaigns._index",
  "routes/app.campaigns.new",
  "routes/app.campaigns.$campaignId",
].flatMap((entry) => {
  const full = path.join(root, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).filter((name) => /\.(ts|tsx)$/.test(name) && !name.includes(".test.")).map((name) => path.join(full, name));
});

// Literal keys passed to t(), and error keys written as strings ("creators.errors.…").
const literalKeys = [...new Set(sources.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/["'`]((?:creators|campaigns|errors|nav)\.[A-Za-z0-9_.]+)["'`]/g)].map((m) => m[1]!)))];
const templatedKeys = [
  ...TIERS.map((tier) => `creators.tiers.${tier}`),
  ...PLATFORMS.map((platform) => `creators.platforms.${platform}`),
  ...CAMPAIGN_OBJECTIVES.map((objective) => `campaigns.objectives.${objective}`),
  ...CAMPAIGN_STATUSES.map((status) => `campaigns.statuses.${status}`),
  ...COMPENSATION_TYPES.map((type) => `campaigns.compensation.${type}`),
  ...DISCOUNT_TYPES.map((type) => `campaigns.discountTypes.${type}`),
  ...Object.values(CAMPAIGN_ERRORS),
  ...["active", "archived", "all"].map((tab) => `creators.tabs.${tab}`),
  ...["current", "archived", "all"].map((tab) => `campaigns.tabs.${tab}`),
];

describe("every string the creator and campaign pages show exists in each locale", () => {
  test("the scan finds the pages' keys", () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });
  // A prefix handed to a helper that appends the value ("campaigns.objectives") is checked through templatedKeys.
  const keys = [...literalKeys.filter((key) => !templatedKeys.some((full) => full.startsWith(`${key}.`))), ...templatedKeys];
  test.each(LOCALES.flatMap((locale) => keys.map((key) => [locale, key] as const)))("%s: %s", (locale, key) => {
    const text = createTranslator(MESSAGES[locale], locale)(key, { count: 2 });
    expect(text).not.toBe(key);
    expect(text.trim()).not.toBe("");
  });
});

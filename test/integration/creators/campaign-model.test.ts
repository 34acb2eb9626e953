import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { campaignInputSchema, type CampaignFormValues } from "../../../app/domain/campaigns";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "./model-env";

type Models = typeof import("../../../app/models/campaign.server");
const SHOP = "campaign-a.myshopify.com";
const OTHER = "campaign-b.myshopify.com";
const form = (values: Partial<CampaignFormValues>) =>
  campaignInputSchema({ currencyCode: "EUR", timeZone: "Europe/Paris" }).parse({
    name: "Summer",
    objective: "sales",
    discountType: "percentage",
    discountValue: "15",
    compensationType: "gifted",
    ...values,
  });

describe("campaign model", () => {
  let database: TestDatabase;
  let m: Models;
  beforeAll(async () => {
    database = await useModelDatabase();
    m = await import("../../../app/models/campaign.server");
    await database.client.shop.create({ data: { shop: SHOP, currencyCode: "EUR", ianaTimezone: "Europe/Paris" } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("slugs come from the name and stay unique per shop, not across shops", async () => {
    const a = await m.createCampaign(SHOP, form({ name: "Été Launch" }));
    const b = await m.createCampaign(SHOP, form({ name: "ete launch!" }));
    const c = await m.createCampaign(OTHER, form({ name: "Été Launch" }));
    expect([a.slug, b.slug, c.slug]).toEqual(["ete-launch", "ete-launch-2", "ete-launch"]);
  });

  test("the form's money, days and brief are stored as minor units, shop-zone instants and a JSON list", async () => {
    const created = await m.createCampaign(
      SHOP,
      form({ name: "Black Friday", budget: "1500,50", startsOn: "2026-11-27", endsOn: "2026-11-30", brief: "Show the code\n\nTag @shop", minimumOrder: "30" }),
    );
    expect(created).toMatchObject({
      budgetMinor: 150_050,
      minimumOrderMinor: 3_000,
      startsAt: new Date("2026-11-26T23:00:00.000Z"),
      endsAt: new Date("2026-11-30T23:00:00.000Z"),
      brief: ["Show the code", "Tag @shop"],
    });
    expect(await m.getCampaignFormContext(SHOP)).toEqual({ currencyCode: "EUR", timeZone: "Europe/Paris" });
    expect(await m.getCampaignFormContext("unknown.myshopify.com")).toEqual({ currencyCode: "USD", timeZone: "UTC" });
  });

  test("a rename keeps the slug; archiving hides it from the default list; editing an archived campaign keeps it archived", async () => {
    const created = await m.createCampaign(SHOP, form({ name: "Spring" }));
    const renamed = await m.updateCampaign(SHOP, created.id, form({ name: "Spring Drop", objective: "launch" }));
    expect(renamed).toMatchObject({ name: "Spring Drop", slug: "spring", objective: "launch" });
    await m.archiveCampaign(SHOP, created.id);
    const listed = await m.listCampaigns(SHOP, { sort: "name", direction: "asc", page: 1, pageSize: 50 });
    expect(listed.items.map((c) => c.name)).not.toContain("Spring Drop");
    await m.updateCampaign(SHOP, created.id, form({ name: "Spring Drop 2", status: "active" }));
    expect((await m.requireCampaign(SHOP, created.id)).status).toBe("archived");
    await m.unarchiveCampaign(SHOP, created.id);
    expect((await m.requireCampaign(SHOP, created.id)).status).toBe("ended");
  });

  test.each([
    ["search by name words in another case and without accents", { query: "ETE", sort: "createdAt" as const }, ["Été Launch", "ete launch!"]],
    ["archived only", { status: "archived" as const }, []],
    ["all statuses", { status: "all" as const, query: "spring" }, ["Spring Drop 2"]],
  ])("list: %s", async (_label, options, expected) => {
    const { items } = await m.listCampaigns(SHOP, { sort: "name", direction: "asc", page: 1, pageSize: 50, ...options });
    expect(items.map((c) => c.name)).toEqual(expected);
  });

  test("another shop's campaign is a 404 and stays unchanged", async () => {
    const foreign = await m.createCampaign(OTHER, form({ name: "Theirs" }));
    expect(await m.getCampaign(SHOP, foreign.id)).toBeNull();
    await expect(m.requireCampaign(SHOP, foreign.id)).rejects.toMatchObject({ status: 404 });
    await expect(m.updateCampaign(SHOP, foreign.id, form({ name: "Mine now" }))).rejects.toMatchObject({ status: 404 });
    await expect(m.archiveCampaign(SHOP, foreign.id)).rejects.toMatchObject({ status: 404 });
    await expect(m.unarchiveCampaign(SHOP, foreign.id)).rejects.toMatchObject({ status: 404 });
    expect(await m.getCampaign(OTHER, foreign.id)).toMatchObject({ name: "Theirs", status: "active" });
  });

  test("pages of campaigns count collaborators", async () => {
    const page = await m.listCampaigns(SHOP, { sort: "createdAt", direction: "asc", page: 2, pageSize: 2 });
    // The unarchived Spring campaign is listed again (as ended).
    expect(page.total).toBe(4);
    expect(page.items.map((c) => [c.name, c.status, c.collaborators])).toEqual([["Black Friday", "active", 0], ["Spring Drop 2", "ended", 0]]);
  });
});

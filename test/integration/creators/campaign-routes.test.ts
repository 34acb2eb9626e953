import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminFetch, embeddedUrl } from "../../support/session-token";
import { loaderData, postAction, startAdminApp, type AdminApp } from "./admin-http";

const SHOP = "campaigns-a.myshopify.com";
const OTHER = "campaigns-b.myshopify.com";
const NEW = "routes/app.campaigns.new";
const EDIT = "routes/app.campaigns.$campaignId";
const LIST = "routes/app.campaigns._index";

const campaignForm = (values: Record<string, string>): Array<[string, string]> =>
  Object.entries({ intent: "save", name: "Summer", objective: "sales", discountType: "percentage", discountValue: "15", compensationType: "gifted", ...values });

type ListBody = { ok: boolean; total: number; currencyCode: string; items: Array<{ id: string; name: string; slug: string; status: string; startsOn: string | null; endsOn: string | null; budgetMinor: number }> };

describe("campaign admin routes", () => {
  let server: AdminApp;
  const ids: Record<string, string> = {};
  const create = async (shop: string, values: Record<string, string>) => {
    const result = await postAction(server.app, shop, "/app/campaigns/new", NEW, campaignForm(values));
    expect(result.status, JSON.stringify(result.body)).toBe(204);
    return /^\/app\/campaigns\/([^?]+)\?created=1&locale=en$/.exec(result.redirect ?? "")![1]!;
  };
  const row = (id: string) => server.database.client.campaign.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    // The shop sells in yen from Tokyo: amounts have no minor unit, days start at 15:00 UTC.
    server = await startAdminApp([{ shop: SHOP, currencyCode: "JPY", ianaTimezone: "Asia/Tokyo" }, { shop: OTHER }]);
    ids.summer = await create(SHOP, {
      name: "Summer Launch",
      objective: "launch",
      startsOn: "2026-07-01",
      endsOn: "2026-07-31",
      budget: "150000",
      discountType: "fixed_amount",
      discountValue: "500",
      minimumOrder: "3000",
      usageLimit: "100",
      oncePerCustomer: "on",
      combinesWithShipping: "on",
      compensationType: "hybrid",
      brief: "Unboxing video\nCode in caption",
    });
    ids.again = await create(SHOP, { name: "summer launch" });
    ids.foreign = await create(OTHER, { name: "Theirs" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("creating stores exact yen amounts, Tokyo day boundaries and a unique slug", async () => {
    expect(await row(ids.summer!)).toMatchObject({
      shop: SHOP,
      slug: "summer-launch",
      objective: "launch",
      startsAt: new Date("2026-06-30T15:00:00.000Z"),
      endsAt: new Date("2026-07-31T15:00:00.000Z"),
      budgetMinor: 150_000,
      discountType: "fixed_amount",
      discountValue: 500,
      minimumOrderMinor: 3_000,
      usageLimit: 100,
      oncePerCustomer: true,
      combinesWithOrder: false,
      combinesWithShipping: true,
      compensationType: "hybrid",
      brief: JSON.stringify(["Unboxing video", "Code in caption"]),
    });
    expect((await row(ids.again!)).slug).toBe("summer-launch-2");
    expect((await row(ids.foreign!)).slug).toBe("theirs");
  });

  test("the edit page reads the campaign back in the shop's currency and days", async () => {
    const { status, body } = await loaderData(server.app, SHOP, `/app/campaigns/${ids.summer}`, EDIT);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      currencyCode: "JPY",
      timeZone: "Asia/Tokyo",
      values: { startsOn: "2026-07-01", endsOn: "2026-07-31", budget: "150000", discountValue: "500", minimumOrder: "3000", brief: "Unboxing video\nCode in caption", oncePerCustomer: true },
    });
  });

  test("an invalid form answers 422 with every field's error key and writes nothing", async () => {
    const before = await server.database.client.campaign.count();
    const result = await postAction(server.app, SHOP, "/app/campaigns/new", NEW, campaignForm({ name: "", budget: "10.5", startsOn: "2026-08-10", endsOn: "2026-08-01", discountValue: "0", usageLimit: "-2" }));
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      errors: {
        name: "campaigns.errors.nameRequired",
        budget: "campaigns.errors.moneyTooPrecise",
        endsOn: "campaigns.errors.endsBeforeStart",
        discountValue: "campaigns.errors.percentage",
        usageLimit: "campaigns.errors.usageLimit",
      },
      values: { budget: "10.5", startsOn: "2026-08-10" },
    });
    expect(await server.database.client.campaign.count()).toBe(before);
  });

  test("editing keeps the slug and unticked checkboxes turn options off", async () => {
    const result = await postAction(server.app, SHOP, `/app/campaigns/${ids.summer}`, EDIT, campaignForm({ name: "Summer Launch 2026", objective: "acquisition", status: "draft", budget: "200000", compensationType: "paid" }));
    expect(result).toMatchObject({ status: 200, body: { saved: true } });
    expect(await row(ids.summer!)).toMatchObject({ name: "Summer Launch 2026", slug: "summer-launch", objective: "acquisition", status: "draft", budgetMinor: 200_000, oncePerCustomer: false, combinesWithShipping: false, startsAt: null });
  });

  test("archive hides it from the current list; unarchive brings it back as ended", async () => {
    expect((await postAction(server.app, SHOP, `/app/campaigns/${ids.again}`, EDIT, [["intent", "archive"]])).status).toBe(200);
    const current = (await loaderData(server.app, SHOP, "/app/campaigns", LIST)).body as ListBody;
    expect(current.items.map((c) => c.slug)).toEqual(["summer-launch"]);
    const archived = (await loaderData(server.app, SHOP, "/app/campaigns?tab=archived", LIST)).body as ListBody;
    expect(archived.items.map((c) => c.slug)).toEqual(["summer-launch-2"]);
    expect((await postAction(server.app, SHOP, `/app/campaigns/${ids.again}`, EDIT, [["intent", "unarchive"]])).status).toBe(200);
    expect((await row(ids.again!)).status).toBe("ended");
  });

  test.each([
    ["search without accents or case", "?q=SUMMER&sort=name&direction=asc", ["Summer Launch 2026", "summer launch"]],
    ["all tabs, oldest first", "?tab=all&sort=createdAt&direction=asc", ["Summer Launch 2026", "summer launch"]],
    ["second page", "?sort=createdAt&direction=asc&pageSize=1&page=2", ["summer launch"]],
  ])("list: %s", async (_label, search, names) => {
    const { status, body } = await loaderData(server.app, SHOP, `/app/campaigns${search}`, LIST);
    expect(status).toBe(200);
    expect((body as ListBody).items.map((c) => c.name)).toEqual(names);
    expect((body as ListBody).items.map((c) => c.id)).not.toContain(ids.foreign);
  });

  test("an unknown tab answers 400", async () => {
    expect((await loaderData(server.app, SHOP, "/app/campaigns?tab=deleted", LIST)).status).toBe(400);
  });

  describe("another shop's campaign id is a 404 and changes nothing", () => {
    test.each([
      ["opening it", (s: AdminApp) => loaderData(s.app, SHOP, `/app/campaigns/${ids.foreign}`, EDIT)],
      ["saving it", (s: AdminApp) => postAction(s.app, SHOP, `/app/campaigns/${ids.foreign}`, EDIT, campaignForm({ name: "Hijacked" }))],
      ["saving it with an invalid form", (s: AdminApp) => postAction(s.app, SHOP, `/app/campaigns/${ids.foreign}`, EDIT, campaignForm({ name: "" }))],
      ["archiving it", (s: AdminApp) => postAction(s.app, SHOP, `/app/campaigns/${ids.foreign}`, EDIT, [["intent", "archive"]])],
      ["unarchiving it", (s: AdminApp) => postAction(s.app, SHOP, `/app/campaigns/${ids.foreign}`, EDIT, [["intent", "unarchive"]])],
    ])("%s", async (_label, probe) => {
      const before = await server.database.client.campaign.findMany({ orderBy: { id: "asc" } });
      expect((await probe(server)).status).toBe(404);
      expect(await server.database.client.campaign.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    });
  });

  test("the pages render as documents in English and French, with yen formatted", async () => {
    for (const [path, english, french] of [
      ["/app/campaigns", "Fixed fee", "Brouillon"],
      ["/app/campaigns/new", "New campaign", "Nouvelle campagne"],
      [`/app/campaigns/${ids.summer}`, "Default discount for creator codes", "Remise par défaut des codes créateurs"],
    ] as const) {
      const en = await adminFetch(embeddedUrl(server.app.url, path, SHOP));
      expect(en.status, path).toBe(200);
      const html = await en.text();
      expect(html).toContain(english);
      if (path === "/app/campaigns") expect(html).toContain("¥200,000");
      const frUrl = new URL(embeddedUrl(server.app.url, path, SHOP));
      frUrl.searchParams.set("locale", "fr");
      const fr = await adminFetch(frUrl);
      expect(fr.status, path).toBe(200);
      expect(await fr.text()).toContain(french);
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loaderData, postAction, startAdminApp, type AdminApp } from "./admin-http";

const SHOP = "creators-a.myshopify.com";
const OTHER = "creators-b.myshopify.com";
const NEW = "routes/app.creators.new";
const EDIT = "routes/app.creators.$creatorId";
const LIST = "routes/app.creators._index";

type ListBody = { ok: boolean; total: number; items: Array<{ id: string; handle: string; tier: string; status: string }>; error?: string };

const creatorForm = (fields: { name: string; handle: string; email?: string; notes?: string; platforms?: Array<[string, string, string?]> }): Array<[string, string]> => [
  ["intent", "save"],
  ["name", fields.name],
  ["handle", fields.handle],
  ["email", fields.email ?? ""],
  ["notes", fields.notes ?? ""],
  ...(fields.platforms ?? []).flatMap(([platform, followers, url]): Array<[string, string]> => [
    ["platform", platform],
    ["followers", followers],
    ["url", url ?? ""],
  ]),
];

describe("creator admin routes", () => {
  let server: AdminApp;
  const ids: Record<string, string> = {};
  const create = async (shop: string, fields: Parameters<typeof creatorForm>[0]) => {
    const result = await postAction(server.app, shop, "/app/creators/new", NEW, creatorForm(fields));
    expect(result.status, JSON.stringify(result.body)).toBe(204);
    const id = /^\/app\/creators\/([^?]+)\?created=1&locale=en$/.exec(result.redirect ?? "")?.[1];
    expect(id).toBeDefined();
    return id!;
  };
  const list = async (search = "", shop = SHOP) => {
    const { status, body } = await loaderData(server.app, shop, `/app/creators${search}`, LIST);
    expect(status).toBe(200);
    return body as ListBody;
  };
  const row = (id: string) => server.database.client.creator.findUniqueOrThrow({ where: { id }, include: { platforms: { orderBy: { platform: "asc" } } } });

  beforeAll(async () => {
    server = await startAdminApp([{ shop: SHOP }, { shop: OTHER }]);
    ids.emma = await create(SHOP, { name: "Emma Martin", handle: "@Emma.Style", email: "emma@example.com", platforms: [["IG", "48200", "https://instagram.com/emma.style"], ["tiktok", "12900"]] });
    ids.lucas = await create(SHOP, { name: "Lucas Bernard", handle: "lucas_runs", platforms: [["youtube", "182000"]] });
    ids.lea = await create(SHOP, { name: "Léa Moreau", handle: "lea", platforms: [["tiktok", "1350000"]] });
    ids.louis = await create(SHOP, { name: "Louis Roux", handle: "louisroux", platforms: [["instagram", "3200"]] });
    ids.foreign = await create(OTHER, { name: "Other Shop Creator", handle: "emma.style", platforms: [["instagram", "700"]] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("creating normalises the handle and derives the tier from the largest audience", async () => {
    expect(await row(ids.emma!)).toMatchObject({
      shop: SHOP,
      handle: "Emma.Style",
      handleKey: "emma.style",
      tier: "micro",
      platforms: [
        { platform: "instagram", followers: 48_200, url: "https://instagram.com/emma.style" },
        { platform: "tiktok", followers: 12_900, url: null },
      ],
    });
    // The same handle in another shop is another creator.
    expect((await row(ids.foreign!)).shop).toBe(OTHER);
  });

  test("the create form answers 422 with field errors as locale keys and writes nothing", async () => {
    const before = await server.database.client.creator.count();
    const result = await postAction(server.app, SHOP, "/app/creators/new", NEW, creatorForm({ name: "", handle: "a b", email: "nope", platforms: [["myspace", "10"], ["tiktok", "-4"]] }));
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      errors: {
        name: "creators.errors.nameRequired",
        handle: "creators.errors.handleInvalid",
        email: "creators.errors.email",
        "platforms.0.platform": "creators.errors.platformUnknown",
        "platforms.1.followers": "creators.errors.followersNegative",
      },
      fields: { handle: "a b", platforms: [{ platform: "myspace", followers: "10", url: "" }, { platform: "tiktok", followers: "-4", url: "" }] },
    });
    expect(await server.database.client.creator.count()).toBe(before);
  });

  test.each([
    ["the same handle in capitals", "EMMA.STYLE"],
    ["the same handle with @", "@emma.style"],
  ])("creating with a taken handle (%s) is a handle field error", async (_label, handle) => {
    const result = await postAction(server.app, SHOP, "/app/creators/new", NEW, creatorForm({ name: "Copy", handle }));
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ errors: { handle: "creators.errors.handleTaken" } });
  });

  test("editing replaces details and platforms; another creator's handle in another case is refused", async () => {
    const saved = await postAction(server.app, SHOP, `/app/creators/${ids.lucas}`, EDIT, creatorForm({ name: "Lucas B.", handle: "Lucas_Runs", notes: "Marathon in April", platforms: [["youtube", "520000"], ["blog", "900"]] }));
    expect(saved).toMatchObject({ status: 200, body: { saved: true } });
    expect(await row(ids.lucas!)).toMatchObject({ name: "Lucas B.", handle: "Lucas_Runs", notes: "Marathon in April", tier: "macro", platforms: [{ platform: "blog" }, { platform: "youtube", followers: 520_000 }] });

    const before = await row(ids.lucas!);
    const taken = await postAction(server.app, SHOP, `/app/creators/${ids.lucas}`, EDIT, creatorForm({ name: "Lucas B.", handle: "LEA" }));
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ saved: false, errors: { handle: "creators.errors.handleTaken" } });
    expect(await row(ids.lucas!)).toEqual(before);
  });

  test("archive and unarchive from the creator page", async () => {
    expect((await postAction(server.app, SHOP, `/app/creators/${ids.louis}`, EDIT, [["intent", "archive"]])).status).toBe(200);
    expect((await row(ids.louis!)).status).toBe("archived");
    expect((await list()).items.map((c) => c.handle)).not.toContain("louisroux");
    expect((await list("?status=archived")).items.map((c) => c.handle)).toEqual(["louisroux"]);
    expect((await postAction(server.app, SHOP, `/app/creators/${ids.louis}`, EDIT, [["intent", "unarchive"]])).status).toBe(200);
    expect((await row(ids.louis!)).status).toBe("active");
  });

  test.each([
    ["search by handle in another case", "?q=LUCAS", ["Lucas_Runs"]],
    ["search by email", "?q=example.com", ["Emma.Style"]],
    ["tier filter", "?tier=mega,nano&sort=followers&direction=desc", ["lea", "louisroux"]],
    ["platform filter", "?platform=tiktok&sort=name&direction=asc", ["Emma.Style", "lea"]],
    ["largest audience first", "?sort=followers&direction=desc", ["lea", "Lucas_Runs", "Emma.Style", "louisroux"]],
    ["tier rank ascending", "?sort=tier&direction=asc", ["louisroux", "Emma.Style", "Lucas_Runs", "lea"]],
    ["name ignores case", "?sort=name&direction=asc&platform=instagram,youtube", ["Emma.Style", "louisroux", "Lucas_Runs"]],
    ["second page of two", "?sort=followers&direction=desc&pageSize=2&page=2", ["Emma.Style", "louisroux"]],
  ])("list: %s", async (_label, search, handles) => {
    const body = await list(search);
    expect(body.items.map((c) => c.handle)).toEqual(handles);
  });

  test("the list counts every match across pages and never shows another shop's creators", async () => {
    const body = await list("?pageSize=1");
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(1);
    const everything = await list("?status=all&pageSize=100");
    expect(everything.items.map((c) => c.id)).not.toContain(ids.foreign);
  });

  test("a list address with an unknown filter value answers 400 with the reason", async () => {
    const { status, body } = await loaderData(server.app, SHOP, "/app/creators?tier=giga", LIST);
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: expect.stringContaining("tier") });
  });

  test("bulk archive from the list", async () => {
    const result = await postAction(server.app, SHOP, "/app/creators?index", LIST, [["intent", "archive"], ["id", ids.emma!], ["id", ids.lea!]]);
    expect(result).toMatchObject({ status: 200, body: { archived: 2 } });
    expect((await row(ids.emma!)).status).toBe("archived");
    expect((await row(ids.lea!)).status).toBe("archived");
    const empty = await postAction(server.app, SHOP, "/app/creators?index", LIST, [["intent", "archive"]]);
    expect(empty.status).toBe(400);
    await postAction(server.app, SHOP, `/app/creators/${ids.emma}`, EDIT, [["intent", "unarchive"]]);
    await postAction(server.app, SHOP, `/app/creators/${ids.lea}`, EDIT, [["intent", "unarchive"]]);
  });

  describe("another shop's creator id is a 404 and changes nothing", () => {
    test.each([
      ["opening it", async (app: AdminApp) => (await loaderData(app.app, SHOP, `/app/creators/${ids.foreign}`, EDIT)).status],
      ["saving it", async (app: AdminApp) => (await postAction(app.app, SHOP, `/app/creators/${ids.foreign}`, EDIT, creatorForm({ name: "Hijacked", handle: "hijacked" }))).status],
      ["archiving it", async (app: AdminApp) => (await postAction(app.app, SHOP, `/app/creators/${ids.foreign}`, EDIT, [["intent", "archive"]])).status],
      ["unarchiving it", async (app: AdminApp) => (await postAction(app.app, SHOP, `/app/creators/${ids.foreign}`, EDIT, [["intent", "unarchive"]])).status],
      [
        "bulk-archiving it with one of the shop's own",
        async (app: AdminApp) => (await postAction(app.app, SHOP, "/app/creators?index", LIST, [["intent", "archive"], ["id", ids.louis!], ["id", ids.foreign!]])).status,
      ],
      ["an id that exists nowhere", async (app: AdminApp) => (await loaderData(app.app, SHOP, "/app/creators/no-such-creator", EDIT)).status],
    ])("%s", async (_label, probe) => {
      const before = await server.database.client.creator.findMany({ orderBy: { id: "asc" }, include: { platforms: true } });
      expect(await probe(server)).toBe(404);
      expect(await server.database.client.creator.findMany({ orderBy: { id: "asc" }, include: { platforms: true } })).toEqual(before);
    });
  });

  test("the pages render as documents in English and French", async () => {
    const { adminFetch, embeddedUrl } = await import("../../support/session-token");
    for (const [path, english, french] of [
      ["/app/creators", "Largest audience", "Plus grande audience"],
      ["/app/creators/new", "New creator", "Nouveau créateur"],
      [`/app/creators/${ids.emma}`, "Emma Martin", "Plateformes"],
      ["/app/creators/import", "Import creators", "Importer des créateurs"],
    ] as const) {
      const en = await adminFetch(embeddedUrl(server.app.url, path, SHOP));
      expect(en.status, path).toBe(200);
      expect(await en.text()).toContain(english);
      const frUrl = new URL(embeddedUrl(server.app.url, path, SHOP));
      frUrl.searchParams.set("locale", "fr");
      const fr = await adminFetch(frUrl);
      expect(fr.status, path).toBe(200);
      expect(await fr.text()).toContain(french);
    }
  });
});

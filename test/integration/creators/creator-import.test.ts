import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postAction, startAdminApp, type AdminApp } from "./admin-http";

const SHOP = "import-a.myshopify.com";
const OTHER = "import-b.myshopify.com";
const IMPORT = "routes/app.creators.import";

type Preview = {
  step: "preview";
  headerErrors: Array<{ line: number; message: string }>;
  errors: Array<{ line: number; field: string | null; message: string }>;
  errorCount: number;
  valid: number;
  created: number;
  updated: number;
  ignoredColumns: string[];
  sample: Array<{ line: number; handle: string; tier: string; exists: boolean }>;
};

const bulkCsv = (count: number, followers: (i: number) => number) =>
  ["name,handle,email,instagram_followers,tiktok_followers", ...Array.from({ length: count }, (_, i) => `Bulk Creator ${i},bulk_${i},bulk${i}@example.com,${followers(i)},${1_000 + i}`)].join("\n");

describe("creator CSV import", () => {
  let server: AdminApp;
  const post = (form: Array<[string, string]> | FormData, shop = SHOP) => postAction(server.app, shop, "/app/creators/import", IMPORT, form);

  beforeAll(async () => {
    server = await startAdminApp([{ shop: SHOP }, { shop: OTHER }]);
    // An existing creator of the shop, and one of another shop with a handle the file also uses.
    await server.database.client.creator.create({ data: { shop: SHOP, name: "Emma", handle: "Emma", handleKey: "emma", email: "emma@old.example", platforms: { create: [{ shop: SHOP, platform: "instagram", followers: 100 }] } } });
    await server.database.client.creator.create({ data: { shop: OTHER, name: "Zoé (other shop)", handle: "zoe", handleKey: "zoe" } });
  });
  afterAll(async () => {
    if (process.env.SHOW_APP_OUTPUT) console.log(server?.app.output());
    await server?.stop();
  });

  const messy = [
    "name,handle,email,platforms,shoe_size",
    "Emma Martin,EMMA,,instagram:48000;tiktok:9000,38", // existing handle (other case): an update
    "Zoé,zoe,zoe@example.com,youtube:250000,37", // new here even though another shop has @zoe
    "Bad Email,bademail,not-an-email,instagram:10,40",
    "Dup,Zoe,,instagram:5,41", // duplicate handle, other case
    "Myspace,oldschool,,myspace:100,42",
    "Negative,negative,,tiktok:-50,43",
    "Nano,nano_one,,,44",
  ].join("\n");

  test("the preview lists valid rows and every row problem, with what each valid row will do, and writes nothing", async () => {
    const before = await server.database.client.creator.count();
    const { status, body } = await post([["intent", "preview"], ["csv", messy]]);
    expect(status).toBe(200);
    const preview = body as Preview;
    expect(preview).toMatchObject({ step: "preview", headerErrors: [], valid: 3, created: 2, updated: 1, errorCount: 4, ignoredColumns: ["shoe_size"] });
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [4, "email"],
      [5, "handle"],
      [6, "platforms"],
      [7, "platforms"],
    ]);
    expect(preview.errors[0]!.message).toMatch(/email/i);
    expect(preview.errors[1]!.message).toMatch(/Duplicate handle @Zoe: already on line 3/);
    expect(preview.errors[2]!.message).toMatch(/Unknown platform "myspace"/);
    expect(preview.errors[3]!.message).toMatch(/negative/);
    expect(preview.sample.map((r) => [r.line, r.handle, r.tier, r.exists])).toEqual([
      [2, "EMMA", "micro", true],
      [3, "zoe", "mid", false],
      [8, "nano_one", "nano", false],
    ]);
    expect(await server.database.client.creator.count()).toBe(before);
  });

  test("importing takes the valid rows only, updates by handle whatever its case, and leaves the other shop alone", async () => {
    const { status, body } = await post([["intent", "import"], ["csv", messy]]);
    expect(status).toBe(200);
    expect(body).toEqual({ step: "done", created: 2, updated: 1, unchanged: 0, skipped: 4 });
    const emma = await server.database.client.creator.findFirstOrThrow({ where: { shop: SHOP, handleKey: "emma" }, include: { platforms: { orderBy: { platform: "asc" } } } });
    // The empty email cell keeps the stored email; the handle keeps its stored spelling.
    expect(emma).toMatchObject({ name: "Emma Martin", handle: "Emma", email: "emma@old.example", tier: "micro" });
    expect(emma.platforms.map((p) => [p.platform, p.followers])).toEqual([["instagram", 48_000], ["tiktok", 9_000]]);
    expect(await server.database.client.creator.findMany({ where: { shop: SHOP, handleKey: { in: ["bademail", "oldschool", "negative"] } } })).toEqual([]);
    expect(await server.database.client.creator.findFirst({ where: { shop: OTHER, handleKey: "zoe" } })).toMatchObject({ name: "Zoé (other shop)" });
    expect(await server.database.client.creator.count({ where: { shop: OTHER } })).toBe(1);
  });

  test("a file with a bad header is refused as a whole, on preview and on import", async () => {
    for (const intent of ["preview", "import"]) {
      const { status, body } = await post([["intent", intent], ["csv", "full name,email\nEmma,emma@example.com"]]);
      expect(status).toBe(422);
      expect((body as Preview).headerErrors.map((e) => e.message)).toContain('A "handle" column is required.');
    }
  });

  test("no file is a 400", async () => {
    expect((await post([["intent", "preview"], ["csv", "  "]])).status).toBe(400);
  });

  test("the file may also be uploaded as multipart", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new Blob(["name,handle,tiktok_followers\nNew One,new.one,20000\n"], { type: "text/csv" }), "creators.csv");
    const { status, body } = await post(form);
    expect(status).toBe(200);
    expect(body).toMatchObject({ step: "preview", valid: 1, created: 1, sample: [{ handle: "new.one", tier: "micro" }] });
  });

  test("5,000 creators import in one request; importing the same file again changes nothing", async () => {
    const csv = bulkCsv(5_000, (i) => i * 37);
    const preview = await post([["intent", "preview"], ["csv", csv]]);
    expect(preview.body).toMatchObject({ valid: 5_000, created: 5_000, updated: 0, errorCount: 0 });
    expect((preview.body as Preview).sample).toHaveLength(50);

    let started = Date.now();
    const first = await post([["intent", "import"], ["csv", csv]]);
    const firstMs = Date.now() - started;
    expect(first.body).toEqual({ step: "done", created: 5_000, updated: 0, unchanged: 0, skipped: 0 });
    expect(firstMs).toBeLessThan(15_000);

    // Creators and platforms read apart: one query with 5,000 parent ids would exceed SQLite's parameter limit.
    const read = async () => ({
      creators: await server.database.client.creator.findMany({ where: { shop: SHOP, handleKey: { startsWith: "bulk_" } }, orderBy: { id: "asc" } }),
      platforms: await server.database.client.creatorPlatform.findMany({ where: { shop: SHOP, creator: { handleKey: { startsWith: "bulk_" } } }, orderBy: { id: "asc" } }),
    });
    const snapshot = await read();
    expect(snapshot.creators).toHaveLength(5_000);
    expect(snapshot.platforms).toHaveLength(10_000);
    started = Date.now();
    const again = await post([["intent", "import"], ["csv", csv]]);
    expect(again.body).toEqual({ step: "done", created: 0, updated: 0, unchanged: 5_000, skipped: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await read()).toEqual(snapshot);
    // 4,999 × 37 = 184,963 Instagram followers.
    expect(snapshot.creators.find((c) => c.handleKey === "bulk_4999")?.tier).toBe("mid");
  });

  test("5,001 creators are refused with the limit named", async () => {
    const { status, body } = await post([["intent", "preview"], ["csv", bulkCsv(5_001, () => 1)]]);
    expect(status).toBe(422);
    expect((body as Preview).headerErrors[0]?.message).toMatch(/5001 creators; the limit is 5000/);
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { creatorInputSchema, type CreatorFormInput } from "../../../app/domain/creators";
import type { TestDatabase } from "../../support/database";
import { useModelDatabase } from "./model-env";

type Models = typeof import("../../../app/models/creator.server");
const SHOP = "model-a.myshopify.com";
const OTHER = "model-b.myshopify.com";
const input = (raw: CreatorFormInput) => creatorInputSchema.parse(raw);

describe("creator model", () => {
  let database: TestDatabase;
  let m: Models;
  beforeAll(async () => {
    database = await useModelDatabase();
    m = await import("../../../app/models/creator.server");
    // A small roster over every tier, two platforms, one archived and one in another shop.
    const roster: CreatorFormInput[] = [
      { name: "Alice Zed", handle: "alice", email: "alice@example.com", platforms: [{ platform: "instagram", followers: 5_000 }] },
      { name: "bob Young", handle: "Bob_Y", platforms: [{ platform: "tiktok", followers: 50_000 }, { platform: "instagram", followers: 1_000 }] },
      { name: "Carla Xu", handle: "carla", platforms: [{ platform: "youtube", followers: 250_000 }] },
      { name: "Dan Wolf", handle: "dan", email: "dan@studio.example", platforms: [{ platform: "instagram", followers: 750_000 }] },
      { name: "Eve Vance", handle: "eve_100%", platforms: [] },
      { name: "Finn Ulm", handle: "finn", platforms: [{ platform: "tiktok", followers: 2_000_000 }] },
    ].map((raw) => (raw.handle === "eve_100%" ? { ...raw, handle: "eve_100" } : raw));
    for (const raw of roster) await m.createCreator(SHOP, input(raw));
    const archived = await m.createCreator(SHOP, input({ name: "Gus Archived", handle: "gus", platforms: [{ platform: "tiktok", followers: 60_000 }] }));
    await m.archiveCreator(SHOP, archived.id);
    await m.createCreator(OTHER, input({ name: "Alice Other", handle: "alice", platforms: [] }));
  });
  afterAll(async () => {
    await database?.drop();
  });

  const list = (options: Partial<Parameters<Models["listCreators"]>[1]> = {}) =>
    m.listCreators(SHOP, { sort: "name", direction: "asc", page: 1, pageSize: 50, ...options });
  const handles = async (options: Partial<Parameters<Models["listCreators"]>[1]> = {}) => (await list(options)).items.map((c) => c.handle);

  test("tier is derived from the largest audience and the handle key is lower-cased", async () => {
    const { items } = await list();
    expect(items.map((c) => [c.handle, c.handleKey, c.tier])).toEqual([
      ["alice", "alice", "nano"],
      ["Bob_Y", "bob_y", "micro"],
      ["carla", "carla", "mid"],
      ["dan", "dan", "macro"],
      ["eve_100", "eve_100", "nano"],
      ["finn", "finn", "mega"],
    ]);
  });

  test.each([
    ["name ascending ignores case", { sort: "name", direction: "asc" }, ["alice", "Bob_Y", "carla", "dan", "eve_100", "finn"]],
    ["name descending", { sort: "name", direction: "desc" }, ["finn", "eve_100", "dan", "carla", "Bob_Y", "alice"]],
    ["largest audience first", { sort: "followers", direction: "desc" }, ["finn", "dan", "carla", "Bob_Y", "alice", "eve_100"]],
    ["smallest audience first; no platform counts as zero", { sort: "followers", direction: "asc" }, ["eve_100", "alice", "Bob_Y", "carla", "dan", "finn"]],
    ["tier rank, not alphabetical, with name inside a tier", { sort: "tier", direction: "asc" }, ["alice", "eve_100", "Bob_Y", "carla", "dan", "finn"]],
    ["tier rank descending", { sort: "tier", direction: "desc" }, ["finn", "dan", "carla", "Bob_Y", "alice", "eve_100"]],
    ["creation order", { sort: "createdAt", direction: "asc" }, ["alice", "Bob_Y", "carla", "dan", "eve_100", "finn"]],
  ] as const)("sort: %s", async (_label, options, expected) => {
    expect(await handles(options)).toEqual(expected);
  });

  test.each([
    ["handle in another case", { query: "BOB" }, ["Bob_Y"]],
    ["handle typed with @", { query: "@carla" }, ["carla"]],
    ["part of the name", { query: "wolf" }, ["dan"]],
    ["email domain", { query: "studio.example" }, ["dan"]],
    ["LIKE wildcard typed literally", { query: "_" }, ["Bob_Y", "eve_100"]],
    ["percent sign matches nothing", { query: "%" }, []],
    ["tier filter", { tier: ["micro", "mega"] }, ["Bob_Y", "finn"]],
    ["single tier", { tier: "nano" }, ["alice", "eve_100"]],
    ["platform filter on any of a creator's platforms", { platform: "instagram" }, ["alice", "Bob_Y", "dan"]],
    ["platform and tier together", { platform: "tiktok", tier: ["mega"] }, ["finn"]],
    ["archived only", { status: "archived" }, ["gus"]],
    ["all statuses", { status: "all", platform: "tiktok" }, ["Bob_Y", "finn", "gus"]],
  ] as const)("filter: %s", async (_label, options, expected) => {
    expect(await handles(options)).toEqual(expected);
  });

  test("pages do not overlap and the total counts every match", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ page, pageSize: 2, sort: "followers", direction: "desc" })));
    expect(pages.map((p) => p.items.map((c) => c.handle))).toEqual([["finn", "dan"], ["carla", "Bob_Y"], ["alice", "eve_100"], []]);
    expect(pages.every((p) => p.total === 6)).toBe(true);
  });

  test("another shop's creators are never listed, fetched or changed", async () => {
    const other = await m.listCreators(OTHER, { sort: "name", direction: "asc", page: 1, pageSize: 10 });
    expect(other.items.map((c) => c.name)).toEqual(["Alice Other"]);
    const foreignId = other.items[0]!.id;
    expect(await m.getCreator(SHOP, foreignId)).toBeNull();
    await expect(m.requireCreator(SHOP, foreignId)).rejects.toMatchObject({ status: 404 });
    await expect(m.updateCreator(SHOP, foreignId, input({ name: "Hijack", handle: "hijack" }))).rejects.toMatchObject({ status: 404 });
    await expect(m.archiveCreator(SHOP, foreignId)).rejects.toMatchObject({ status: 404 });
    const mine = (await list()).items[0]!.id;
    await expect(m.archiveCreators(SHOP, [mine, foreignId])).rejects.toMatchObject({ status: 404 });
    expect((await m.getCreator(SHOP, mine))?.status).toBe("active");
    expect((await m.getCreator(OTHER, foreignId))).toMatchObject({ name: "Alice Other", status: "active" });
  });

  test("a handle is unique per shop whatever its case, on create and on update", async () => {
    await expect(m.createCreator(SHOP, input({ name: "Copy", handle: "@ALICE" }))).rejects.toBeInstanceOf(m.DuplicateHandleError);
    const carla = (await list({ query: "carla" })).items[0]!;
    await expect(m.updateCreator(SHOP, carla.id, input({ name: "Carla", handle: "Dan" }))).rejects.toMatchObject({ name: "DuplicateHandleError", handle: "Dan" });
    // Keeping one's own handle in another case is allowed.
    const updated = await m.updateCreator(SHOP, carla.id, input({ name: "Carla Xu", handle: "Carla", platforms: [{ platform: "youtube", followers: 250_000 }, { platform: "blog", followers: 20 }] }));
    expect(updated).toMatchObject({ handle: "Carla", handleKey: "carla", tier: "mid" });
    expect(updated.platforms.map((p) => p.platform)).toEqual(["blog", "youtube"]);
  });

  test("import creates, updates and leaves unchanged rows, idempotently", async () => {
    const rows = [
      input({ name: "Alice Zed", handle: "ALICE", email: "alice@example.com", platforms: [{ platform: "instagram", followers: 5_000 }] }),
      input({ name: "Dan Wolf", handle: "dan", platforms: [{ platform: "instagram", followers: 1_200_000 }] }),
      input({ name: "Newbie", handle: "newbie", platforms: [{ platform: "twitch", followers: 30_000 }] }),
    ];
    expect(await m.importCreators(SHOP, rows)).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await m.importCreators(SHOP, rows)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const dan = (await list({ query: "dan" })).items[0]!;
    // Email not given by the row is kept; the new audience moves the tier.
    expect(dan).toMatchObject({ email: "dan@studio.example", tier: "mega" });
    const alice = (await list({ query: "alice" })).items[0]!;
    expect(alice.handle).toBe("alice");
  });

  test("an import row without a profile URL keeps the stored one; a row with one replaces it", async () => {
    const created = await m.createCreator(SHOP, input({ name: "Url Keeper", handle: "url_keeper", platforms: [{ platform: "youtube", followers: 10, url: "https://youtube.com/@keeper" }] }));
    expect(await m.importCreators(SHOP, [input({ name: "Url Keeper", handle: "url_keeper", platforms: [{ platform: "youtube", followers: 10 }] })])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await m.importCreators(SHOP, [input({ name: "Url Keeper", handle: "url_keeper", platforms: [{ platform: "youtube", followers: 10, url: "https://youtube.com/@new" }] })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await m.getCreator(SHOP, created.id))?.platforms.map((p) => p.url)).toEqual(["https://youtube.com/@new"]);
    await m.archiveCreator(SHOP, created.id);
  });

  test("5,000 rows import in one call, and importing them again changes nothing", async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      input({
        name: `Bulk Creator ${i}`,
        handle: `bulk_${i}`,
        email: `bulk${i}@example.com`,
        platforms: [
          { platform: "instagram", followers: i * 300 },
          { platform: "tiktok", followers: 1_000 + i },
        ],
      }),
    );
    const started = Date.now();
    expect(await m.importCreators(SHOP, rows)).toEqual({ created: 5_000, updated: 0, unchanged: 0 });
    const firstMs = Date.now() - started;
    const again = Date.now();
    expect(await m.importCreators(SHOP, rows)).toEqual({ created: 0, updated: 0, unchanged: 5_000 });
    const secondMs = Date.now() - again;
    expect(await database.client.creator.count({ where: { shop: SHOP, handleKey: { startsWith: "bulk_" } } })).toBe(5_000);
    expect(await database.client.creatorPlatform.count({ where: { shop: SHOP, creator: { handleKey: { startsWith: "bulk_" } } } })).toBe(10_000);
    const last = await database.client.creator.findFirstOrThrow({ where: { shop: SHOP, handleKey: "bulk_4999" } });
    // 4,999 × 300 = 1,499,700 Instagram followers.
    expect(last.tier).toBe("mega");
    expect(firstMs).toBeLessThan(15_000);
    expect(secondMs).toBeLessThan(10_000);

    // Every creator's TikTok audience grows: all 5,000 are updated, nothing is created.
    const grown = rows.map((row) => ({ ...row, platforms: [{ platform: "tiktok" as const, followers: 20_000, url: undefined }] }));
    const third = Date.now();
    expect(await m.importCreators(SHOP, grown)).toEqual({ created: 0, updated: 5_000, unchanged: 0 });
    expect(Date.now() - third).toBeLessThan(15_000);
    const first = await database.client.creator.findFirstOrThrow({ where: { shop: SHOP, handleKey: "bulk_1" }, include: { platforms: { orderBy: { platform: "asc" } } } });
    // The Instagram row the import did not mention is kept; TikTok is replaced; 20,000 makes a micro creator.
    expect(first.platforms.map((p) => [p.platform, p.followers])).toEqual([["instagram", 300], ["tiktok", 20_000]]);
    expect(first.tier).toBe("micro");
  });
});

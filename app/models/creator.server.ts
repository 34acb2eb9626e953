import { db } from "../db.server";
import { Prisma, type Creator, type CreatorPlatform } from "../generated/prisma/client";
import { handleKey, tierFromAudience, TIERS, type CreatorInput, type Platform, type Tier } from "../domain/creators";

export type CreatorWithPlatforms = Creator & { platforms: CreatorPlatform[] };

export const CREATOR_SORTS = ["name", "createdAt", "followers", "tier"] as const;
export type CreatorSort = (typeof CREATOR_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const CREATOR_STATUSES = ["active", "archived"] as const;
export type CreatorStatus = (typeof CREATOR_STATUSES)[number];

export const MAX_CREATOR_PAGE_SIZE = 100;

export type ListCreatorsOptions = {
  /** Matched case-insensitively against the handle, the name and the email. */
  query?: string;
  tier?: Tier | ReadonlyArray<Tier>;
  platform?: Platform | ReadonlyArray<Platform>;
  /** "all" lists both; absent means active only. */
  status?: CreatorStatus | "all";
  sort: CreatorSort;
  direction: SortDirection;
  /** 1-based. */
  page: number;
  pageSize: number;
};

export type CreatorPage = { items: CreatorWithPlatforms[]; total: number; page: number; pageSize: number };

/** A handle already taken in the shop (compared case-insensitively); the form shows it on the handle field. */
export class DuplicateHandleError extends Error {
  name = "DuplicateHandleError";
  constructor(
    readonly handle: string,
    /** The creator that holds the handle, when known (null when it lost a race on the unique key). */
    readonly existingCreatorId: string | null,
  ) {
    super(`The handle @${handle} is already used by another creator of this shop.`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });

// Platforms in the order forms and exports show them.
const platformOrder = { orderBy: { platform: "asc" } } as const;

/** One creator of the shop with its platforms; null when absent or another shop's. */
export async function getCreator(shop: string, id: string): Promise<CreatorWithPlatforms | null> {
  return db.creator.findFirst({ where: { shop, id }, include: { platforms: platformOrder } });
}

/** One creator of the shop; throws a 404 response when absent or another shop's. */
export async function requireCreator(shop: string, id: string): Promise<CreatorWithPlatforms> {
  const creator = await getCreator(shop, id);
  if (!creator) throw notFound();
  return creator;
}

function asList<T>(value: T | ReadonlyArray<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as ReadonlyArray<T>)] : [value as T];
}

/** Escapes LIKE wildcards so that "_" and "%" typed in a search match themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The list is one SQL statement for every sort (largest audience and tier rank are computed in SQL),
// written in the subset SQLite and PostgreSQL share: quoted identifiers, LIKE … ESCAPE, CASE, COALESCE.
// LOWER() is ASCII-only on SQLite, so an accented name matches only in its own case there; handles
// are matched on handleKey, which the domain lower-cases fully.
function creatorListWhere(shop: string, options: ListCreatorsOptions): Prisma.Sql {
  const clauses: Prisma.Sql[] = [Prisma.sql`c."shop" = ${shop}`];
  const status = options.status ?? "active";
  if (status !== "all") clauses.push(Prisma.sql`c."status" = ${status}`);
  const tiers = asList(options.tier);
  if (tiers.length > 0) clauses.push(Prisma.sql`c."tier" IN (${Prisma.join(tiers)})`);
  const platforms = asList(options.platform);
  if (platforms.length > 0) {
    clauses.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "CreatorPlatform" p WHERE p."creatorId" = c."id" AND p."shop" = c."shop" AND p."platform" IN (${Prisma.join(platforms)}))`,
    );
  }
  const text = handleKey(options.query ?? "");
  if (text !== "") {
    const pattern = likePattern(text);
    clauses.push(
      Prisma.sql`(c."handleKey" LIKE ${pattern} ESCAPE '\\' OR LOWER(c."name") LIKE ${pattern} ESCAPE '\\' OR LOWER(COALESCE(c."email", '')) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return Prisma.join(clauses, " AND ");
}

function creatorListOrder(sort: CreatorSort, direction: SortDirection): Prisma.Sql {
  const dir = Prisma.raw(direction === "desc" ? "DESC" : "ASC");
  switch (sort) {
    case "name":
      return Prisma.sql`LOWER(c."name") ${dir}, c."id" ${dir}`;
    case "createdAt":
      return Prisma.sql`c."createdAt" ${dir}, c."id" ${dir}`;
    case "followers":
      return Prisma.sql`COALESCE((SELECT MAX(p."followers") FROM "CreatorPlatform" p WHERE p."creatorId" = c."id"), 0) ${dir}, LOWER(c."name") ASC, c."id" ASC`;
    case "tier": {
      const rank = Prisma.join(
        TIERS.map((tier, index) => Prisma.sql`WHEN ${tier} THEN ${index}`),
        " ",
      );
      return Prisma.sql`CASE c."tier" ${rank} ELSE 0 END ${dir}, LOWER(c."name") ASC, c."id" ASC`;
    }
  }
}

/**
 * A page of the shop's creators, filtered by text (handle, name, email), tier, platform and status,
 * sorted by name, creation time, largest audience or tier rank (nano → mega); ties break by name then id
 * so that pages never overlap. Page numbers beyond the last page give an empty page.
 */
export async function listCreators(shop: string, options: ListCreatorsOptions): Promise<CreatorPage> {
  const page = Math.max(1, Math.floor(options.page));
  const pageSize = Math.min(MAX_CREATOR_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize)));
  const where = creatorListWhere(shop, options);
  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<Array<{ total: bigint | number }>>`SELECT COUNT(*) AS "total" FROM "Creator" c WHERE ${where}`,
    db.$queryRaw<Array<{ id: string }>>`SELECT c."id" AS "id" FROM "Creator" c WHERE ${where} ORDER BY ${creatorListOrder(
      options.sort,
      options.direction,
    )} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const ids = idRows.map((row) => row.id);
  const rows = ids.length === 0 ? [] : await db.creator.findMany({ where: { shop, id: { in: ids } }, include: { platforms: platformOrder } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.map((id) => byId.get(id)).filter((row): row is CreatorWithPlatforms => row !== undefined);
  return { items, total: Number(countRows[0]?.total ?? 0), page, pageSize };
}

function platformRows(shop: string, creatorId: string, input: Pick<CreatorInput, "platforms">) {
  return input.platforms.map(({ platform, followers, url }) => ({ shop, creatorId, platform, followers, url: url ?? null }));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function assertHandleFree(shop: string, handle: string, exceptId?: string): Promise<void> {
  const holder = await db.creator.findUnique({ where: { shop_handleKey: { shop, handleKey: handleKey(handle) } }, select: { id: true } });
  if (holder && holder.id !== exceptId) throw new DuplicateHandleError(handle, holder.id);
}

/** Creates a creator; the tier comes from the largest audience; a handle taken in any case throws DuplicateHandleError. */
export async function createCreator(shop: string, input: CreatorInput): Promise<CreatorWithPlatforms> {
  await assertHandleFree(shop, input.handle);
  try {
    return await db.creator.create({
      data: {
        shop,
        name: input.name,
        handle: input.handle,
        handleKey: handleKey(input.handle),
        email: input.email ?? null,
        notes: input.notes,
        tier: tierFromAudience(input.platforms),
        platforms: { create: input.platforms.map(({ platform, followers, url }) => ({ shop, platform, followers, url: url ?? null })) },
      },
      include: { platforms: platformOrder },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateHandleError(input.handle, null);
    throw error;
  }
}

/**
 * Replaces a creator's details and platforms (the form sends the full list); the tier is derived again.
 * Another shop's id is a 404; a handle held by another creator throws DuplicateHandleError; nothing is half-written.
 */
export async function updateCreator(shop: string, id: string, input: CreatorInput): Promise<CreatorWithPlatforms> {
  await requireCreator(shop, id);
  await assertHandleFree(shop, input.handle, id);
  try {
    return await db.$transaction(async (tx) => {
      await tx.creatorPlatform.deleteMany({ where: { shop, creatorId: id } });
      await tx.creatorPlatform.createMany({ data: platformRows(shop, id, input) });
      const { count } = await tx.creator.updateMany({
        where: { shop, id },
        data: {
          name: input.name,
          handle: input.handle,
          handleKey: handleKey(input.handle),
          email: input.email ?? null,
          notes: input.notes,
          tier: tierFromAudience(input.platforms),
        },
      });
      if (count !== 1) throw notFound();
      return tx.creator.findFirstOrThrow({ where: { shop, id }, include: { platforms: platformOrder } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateHandleError(input.handle, null);
    throw error;
  }
}

async function setStatus(shop: string, ids: ReadonlyArray<string>, status: CreatorStatus): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  return db.$transaction(async (tx) => {
    // All or nothing: one id that is not the shop's makes the whole request a 404.
    const found = await tx.creator.count({ where: { shop, id: { in: unique } } });
    if (found !== unique.length) throw notFound();
    const { count } = await tx.creator.updateMany({ where: { shop, id: { in: unique }, status: { not: status } }, data: { status } });
    return count;
  });
}

/** Archives a creator (hidden from the default list, data kept); another shop's id is a 404. */
export async function archiveCreator(shop: string, id: string): Promise<void> {
  await setStatus(shop, [id], "archived");
}

/** Brings an archived creator back to the active list; another shop's id is a 404. */
export async function unarchiveCreator(shop: string, id: string): Promise<void> {
  await setStatus(shop, [id], "active");
}

/** Bulk archive from the list: all ids must be the shop's (else 404, nothing changed); returns how many changed. */
export async function archiveCreators(shop: string, ids: ReadonlyArray<string>): Promise<number> {
  return setStatus(shop, ids, "archived");
}

/** Which of these handle keys already belong to a creator of the shop (an import preview says "update" for them). */
export async function listExistingHandleKeys(shop: string, keys: ReadonlyArray<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = keys.slice(start, start + IMPORT_CHUNK_SIZE);
    const rows = await db.creator.findMany({ where: { shop, handleKey: { in: chunk } }, select: { handleKey: true } });
    for (const row of rows) found.add(row.handleKey);
  }
  return found;
}

export type ImportCreatorsResult = { created: number; updated: number; unchanged: number };

// Big enough that 5,000 rows take ten transactions, small enough that each holds SQLite's write lock briefly.
const IMPORT_CHUNK_SIZE = 500;

type PlatformValue = { platform: string; followers: number; url: string | null };

function samePlatform(a: PlatformValue, b: PlatformValue): boolean {
  return a.followers === b.followers && a.url === b.url;
}

/**
 * Imports validated creators, idempotent on the handle (case-insensitive): a new handle creates a creator;
 * a known one is updated in place: name replaced, email, notes and profile URLs replaced only when the row gives them,
 * the row's follower counts set (platforms it does not mention are kept), tier derived again, status untouched.
 * A row that changes nothing counts as unchanged, so importing the same file twice writes nothing the second time.
 * Runs in chunked transactions: a failure leaves earlier chunks imported and rolls back the chunk it hit.
 */
export async function importCreators(shop: string, rows: ReadonlyArray<CreatorInput>): Promise<ImportCreatorsResult> {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = handleKey(row.handle);
    if (seen.has(key)) throw new DuplicateHandleError(row.handle, null);
    seen.add(key);
  }
  const result: ImportCreatorsResult = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK_SIZE);
    const counts = await db.$transaction((tx) => importChunk(tx, shop, chunk), { timeout: 60_000, maxWait: 10_000 });
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
  }
  return result;
}

type Tx = Prisma.TransactionClient;

async function importChunk(tx: Tx, shop: string, chunk: ReadonlyArray<CreatorInput>): Promise<ImportCreatorsResult> {
  const counts: ImportCreatorsResult = { created: 0, updated: 0, unchanged: 0 };
  const keys = chunk.map((row) => handleKey(row.handle));
  const existing = await tx.creator.findMany({ where: { shop, handleKey: { in: keys } }, include: { platforms: true } });
  const byKey = new Map(existing.map((creator) => [creator.handleKey, creator]));

  const fresh = chunk.filter((row) => !byKey.has(handleKey(row.handle)));
  if (fresh.length > 0) {
    const created = await tx.creator.createManyAndReturn({
      data: fresh.map((row) => ({
        shop,
        name: row.name,
        handle: row.handle,
        handleKey: handleKey(row.handle),
        email: row.email ?? null,
        notes: row.notes,
        tier: tierFromAudience(row.platforms),
      })),
      select: { id: true, handleKey: true },
    });
    const idByKey = new Map(created.map((creator) => [creator.handleKey, creator.id]));
    const platforms = fresh.flatMap((row) => {
      const creatorId = idByKey.get(handleKey(row.handle));
      if (creatorId === undefined) throw new Error(`Import lost the id of @${row.handle}`);
      return platformRows(shop, creatorId, row);
    });
    if (platforms.length > 0) await tx.creatorPlatform.createMany({ data: platforms });
    counts.created = created.length;
  }

  const replacedPlatformIds: string[] = [];
  const newPlatforms: ReturnType<typeof platformRows> = [];
  for (const row of chunk) {
    const current = byKey.get(handleKey(row.handle));
    if (current === undefined) continue;
    const merged = new Map<string, PlatformValue>(current.platforms.map((p) => [p.platform, { platform: p.platform, followers: p.followers, url: p.url }]));
    let platformsChanged = false;
    for (const { platform, followers, url } of row.platforms) {
      const before = current.platforms.find((p) => p.platform === platform);
      // Like an empty email cell, an empty URL cell keeps the stored profile URL.
      const next = { platform, followers, url: url ?? before?.url ?? null };
      if (before && samePlatform(before, next)) continue;
      if (before) replacedPlatformIds.push(before.id);
      newPlatforms.push({ shop, creatorId: current.id, ...next });
      merged.set(platform, next);
      platformsChanged = true;
    }
    const data = {
      name: row.name,
      email: row.email ?? current.email,
      notes: row.notes === "" ? current.notes : row.notes,
      tier: tierFromAudience([...merged.values()]),
    };
    const scalarsChanged = data.name !== current.name || data.email !== current.email || data.notes !== current.notes || data.tier !== current.tier;
    if (!scalarsChanged && !platformsChanged) {
      counts.unchanged += 1;
      continue;
    }
    counts.updated += 1;
    if (scalarsChanged) await tx.creator.updateMany({ where: { shop, id: current.id }, data });
    else await tx.creator.updateMany({ where: { shop, id: current.id }, data: { updatedAt: new Date() } });
  }
  if (replacedPlatformIds.length > 0) await tx.creatorPlatform.deleteMany({ where: { shop, id: { in: replacedPlatformIds } } });
  if (newPlatforms.length > 0) await tx.creatorPlatform.createMany({ data: newPlatforms });
  return counts;
}

import { db } from "../db.server";
import { Prisma, type DiscountCode } from "../generated/prisma/client";
import { codeKey } from "../domain/codes";

/** active | inactive | deleted | needs_repair (see the schema). */
export type DiscountCodeState = "active" | "inactive" | "deleted" | "needs_repair";

export type NewDiscountCode = {
  collaborationId: string;
  creatorId: string;
  campaignId: string;
  code: string;
  /** null only for a row stored to be repaired, when Shopify's id is unknown. */
  shopifyDiscountId: string | null;
  valueType: "percentage" | "fixed_amount";
  value: number;
  state: DiscountCodeState;
  lastError?: string | null;
};

/** The code's key is held by another row of the shop (a race between two requests, or a code kept after deletion). */
export class DiscountCodeTakenError extends Error {
  name = "DiscountCodeTakenError";
  constructor(readonly code: string) {
    super(`The discount code ${code} is already recorded for this shop.`);
  }
}

const notFound = () => new Response("Not found", { status: 404 });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** One code of the shop; null when absent or another shop's. */
export async function getDiscountCode(shop: string, id: string): Promise<DiscountCode | null> {
  return db.discountCode.findFirst({ where: { shop, id } });
}

/** One code of the shop; throws a 404 response when absent or another shop's. */
export async function requireDiscountCode(shop: string, id: string): Promise<DiscountCode> {
  const row = await getDiscountCode(shop, id);
  if (!row) throw notFound();
  return row;
}

/** The shop's row for this code text, compared case-insensitively like Shopify; deleted codes included. */
export async function getDiscountCodeByText(shop: string, code: string): Promise<DiscountCode | null> {
  return db.discountCode.findUnique({ where: { shop_codeKey: { shop, codeKey: codeKey(code) } } });
}

/**
 * True when the shop already has this code (any case, any state): a deleted code keeps its row so that old orders
 * that used it are still credited, and its text is never handed to another creator.
 */
export async function isDiscountCodeRecorded(shop: string, code: string): Promise<boolean> {
  return (await db.discountCode.count({ where: { shop, codeKey: codeKey(code) } })) > 0;
}

/** Records a code; its key taken by another row throws DiscountCodeTakenError. */
export async function createDiscountCode(shop: string, input: NewDiscountCode): Promise<DiscountCode> {
  try {
    return await db.discountCode.create({
      data: {
        shop,
        collaborationId: input.collaborationId,
        creatorId: input.creatorId,
        campaignId: input.campaignId,
        code: input.code,
        codeKey: codeKey(input.code),
        shopifyDiscountId: input.shopifyDiscountId,
        valueType: input.valueType,
        value: input.value,
        state: input.state,
        lastError: input.lastError ?? null,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DiscountCodeTakenError(input.code);
    throw error;
  }
}

/**
 * Moves a code to another state, but only from the state the caller saw (compare-and-set): a concurrent change wins
 * and this returns null instead of overwriting it. Another shop's id also returns null.
 */
export async function updateDiscountCodeState(
  shop: string,
  id: string,
  change: { from: DiscountCodeState; to: DiscountCodeState; lastError?: string | null; shopifyDiscountId?: string | null },
): Promise<DiscountCode | null> {
  const { count } = await db.discountCode.updateMany({
    where: { shop, id, state: change.from },
    data: {
      state: change.to,
      lastError: change.lastError ?? null,
      ...(change.shopifyDiscountId !== undefined ? { shopifyDiscountId: change.shopifyDiscountId } : {}),
    },
  });
  if (count !== 1) return null;
  return db.discountCode.findFirst({ where: { shop, id } });
}

/** The shop's codes that disagree with Shopify and wait for the repair job, oldest first. */
export async function listDiscountCodesNeedingRepair(shop: string, limit = 50): Promise<DiscountCode[]> {
  return db.discountCode.findMany({ where: { shop, state: "needs_repair" }, orderBy: { updatedAt: "asc" }, take: limit });
}

/** Shops that have codes waiting for the repair job. */
export async function listShopsWithCodesNeedingRepair(): Promise<string[]> {
  const rows = await db.discountCode.findMany({ where: { state: "needs_repair" }, distinct: ["shop"], select: { shop: true } });
  return rows.map((row) => row.shop);
}

/** The code a collaboration's link applies: its newest active one; null when it has none. */
export async function getActiveCodeOfCollaboration(shop: string, collaborationId: string): Promise<DiscountCode | null> {
  return db.discountCode.findFirst({ where: { shop, collaborationId, state: "active" }, orderBy: { createdAt: "desc" } });
}

/** Codes of a collaboration that are still in the shop or being repaired (not deleted), newest first. */
export async function listLiveCodesOfCollaboration(shop: string, collaborationId: string): Promise<DiscountCode[]> {
  return db.discountCode.findMany({
    where: { shop, collaborationId, state: { not: "deleted" } },
    orderBy: { createdAt: "desc" },
  });
}

import { db } from "../db.server";
import { Prisma } from "../generated/prisma/client";

// shop/redact erases everything the app holds about a shop. Every model with a `shop` column is emptied of that
// shop's rows, found from the generated client's own field lists, so that a table added later cannot be forgotten.
// Known parents go after their children (foreign keys cascade today, but a Restrict added later must not make
// the erasure fail half way); the whole erasure is one transaction.

type ShopScopedDelegate = { deleteMany(args: { where: { shop: string } }): Promise<{ count: number }> };

// Children before parents; any other shop-scoped model follows, then the Shop row itself.
const DELETE_FIRST: readonly Prisma.ModelName[] = [
  "Touch",
  "Refund",
  "Click",
  "DiscountCode",
  "TrackedLink",
  "Collaboration",
  "CreatorPlatform",
  "Creator",
  "Campaign",
  "Order",
  "Customer",
];
const DELETE_LAST: readonly Prisma.ModelName[] = ["Session", "Shop"];

/** Every model whose rows carry a `shop` column, in a safe deletion order. */
export function shopScopedModels(): Prisma.ModelName[] {
  const scalarFields = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  const all = Object.values(Prisma.ModelName).filter((model) => scalarFields[`${model}ScalarFieldEnum`]?.shop === "shop");
  const middle = all.filter((model) => !DELETE_FIRST.includes(model) && !DELETE_LAST.includes(model));
  return [...DELETE_FIRST.filter((m) => all.includes(m)), ...middle, ...DELETE_LAST.filter((m) => all.includes(m))];
}

function delegateName(model: Prisma.ModelName): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/**
 * shop/redact: deletes every row of the shop in every table (sessions and the Shop row included), and the rate
 * limit windows keyed by the shop. Returns the rows deleted per model, for the log.
 */
export async function deleteShopData(shop: string): Promise<Record<string, number>> {
  if (!shop) throw new RangeError("A shop domain is required");
  return db.$transaction(async (tx) => {
    const delegates = tx as unknown as Record<string, ShopScopedDelegate>;
    const deleted: Record<string, number> = {};
    for (const model of shopScopedModels()) {
      const delegate = delegates[delegateName(model)];
      if (!delegate) throw new Error(`No client delegate for model ${model}`);
      deleted[model] = (await delegate.deleteMany({ where: { shop } })).count;
    }
    // Rate limit keys have no shop column; the ones that name the shop go too (they expire within a day anyway).
    deleted.RateLimit = (await tx.rateLimit.deleteMany({ where: { key: { contains: shop } } })).count;
    return deleted;
  });
}

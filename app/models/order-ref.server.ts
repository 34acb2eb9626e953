import { db } from "../db.server";

const notFound = () => new Response("Not found", { status: 404 });

/** An order of the shop by its row id: its Shopify id; 404 when absent or another shop's. */
export async function requireOrderRef(shop: string, id: string): Promise<{ id: string; shopifyOrderId: string }> {
  const order = await db.order.findFirst({ where: { shop, id }, select: { id: true, shopifyOrderId: true } });
  if (!order) throw notFound();
  return order;
}

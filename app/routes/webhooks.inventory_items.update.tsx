import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticateWebhook } from "../http/authenticate-webhook.server";
import { applyInventoryItemCostUpdate, InventoryItemCostError } from "../services/apply-inventory-item-cost.server";

// Shopify's inventory item as the REST-shaped webhook body carries it; cost is a decimal string in the shop's
// currency, or null when the merchant removed it.
const payloadSchema = z.object({
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/InventoryItem\/\d+$/),
  cost: z.string().nullable(),
  updated_at: z.string(),
});

export async function action({ request }: ActionFunctionArgs) {
  const { shop, payload } = await authenticateWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Malformed inventory_items/update payload", { status: 400 });
  try {
    await applyInventoryItemCostUpdate(shop, {
      inventoryItemId: parsed.data.admin_graphql_api_id,
      cost: parsed.data.cost,
      updatedAt: parsed.data.updated_at,
    });
  } catch (error) {
    if (error instanceof InventoryItemCostError) return new Response(`Unreadable inventory item: ${error.message}`, { status: 400 });
    throw error;
  }
  return new Response(null, { status: 200 });
}

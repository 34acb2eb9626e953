import type { ActionFunctionArgs } from "@remix-run/node";
import { parseShopRedact } from "../domain/privacy";
import { authenticateComplianceWebhook } from "../http/authenticate-compliance-webhook.server";
import { deleteShopData } from "../models/shop-data.server";

// Shopify sends shop/redact 48 hours after a shop uninstalls the app (app/uninstalled kept the data until now,
// for a merchant who comes back): every row of the shop, in every table, is deleted.
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateComplianceWebhook(request, parseShopRedact);
  const deleted = await deleteShopData(shop);
  console.info(`shop/redact ${shop}: deleted ${JSON.stringify(deleted)}`);
  return new Response(null, { status: 200 });
}

import type { ActionFunctionArgs } from "@remix-run/node";
import { markShopUninstalled } from "../models/shop.server";
import { authenticateWebhook } from "../http/authenticate-webhook.server";

// Sessions are removed (the access token is revoked); the shop's data is kept until shop/redact,
// which Shopify sends 48 hours later, so a merchant who reinstalls finds their history.
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticateWebhook(request);
  await markShopUninstalled(shop);
  return new Response(null, { status: 200 });
}

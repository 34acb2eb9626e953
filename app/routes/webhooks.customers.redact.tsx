import type { ActionFunctionArgs } from "@remix-run/node";
import { parseCustomersRedact } from "../domain/privacy";
import { authenticateComplianceWebhook } from "../http/authenticate-compliance-webhook.server";
import { redactCustomer } from "../models/customer-privacy.server";

// Shopify sends customers/redact when a customer asks the store to erase their data (10 days after the request,
// or six months after their last order). The customer's row goes and their orders are unlinked from them; the
// orders' amounts stay in the shop's aggregated sales. See docs/decisions/0005-privacy-webhooks.md.
export async function action({ request }: ActionFunctionArgs) {
  const { shop, body } = await authenticateComplianceWebhook(request, parseCustomersRedact);
  await redactCustomer(shop, body.customerId, body.orderIds);
  return new Response(null, { status: 200 });
}

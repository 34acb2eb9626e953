import type { ActionFunctionArgs } from "@remix-run/node";
import { parseCustomersDataRequest } from "../domain/privacy";
import { authenticateComplianceWebhook } from "../http/authenticate-compliance-webhook.server";
import { recordCustomerDataRequest } from "../models/customer-privacy.server";

// Shopify sends customers/data_request when a customer asks the store what it holds about them. Shopify does not
// collect the answer: the app must give the data to the merchant, who sends it on. The export is stored and offered
// for download on the ingestion page. See docs/decisions/0005-privacy-webhooks.md.
export async function action({ request }: ActionFunctionArgs) {
  const { shop, body } = await authenticateComplianceWebhook(request, parseCustomersDataRequest);
  await recordCustomerDataRequest(shop, body);
  return new Response(null, { status: 200 });
}

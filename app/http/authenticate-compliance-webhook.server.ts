import { CompliancePayloadError } from "../domain/privacy";
import { authenticateWebhook } from "./authenticate-webhook.server";

/**
 * Verifies a privacy webhook (HMAC, 401 when missing or wrong) and parses its raw body with `parse`, which keeps
 * Shopify's ids exact. A malformed body, or one naming another shop than the signed delivery, is a 400.
 */
export async function authenticateComplianceWebhook<T extends { shopDomain: string }>(
  request: Request,
  parse: (rawBody: string) => T,
): Promise<{ shop: string; body: T }> {
  // The library reads (and parses, rounding big ids) the body; the exact text is kept from a copy.
  const rawBody = await request.clone().text();
  let shop: string;
  try {
    ({ shop } = await authenticateWebhook(request));
  } catch (error) {
    // The library parses the body after checking the signature: a signed body that is not JSON lands here.
    if (error instanceof SyntaxError) throw new Response("The body is not JSON", { status: 400 });
    throw error;
  }
  let body: T;
  try {
    body = parse(rawBody);
  } catch (error) {
    if (error instanceof CompliancePayloadError) throw new Response(error.message, { status: 400 });
    throw error;
  }
  if (body.shopDomain !== shop.toLowerCase()) {
    throw new Response(`The payload names ${body.shopDomain}, the delivery ${shop}`, { status: 400 });
  }
  return { shop, body };
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env.server";

/** A delivery whose signature matched its raw body. */
export type VerifiedWebhook = {
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  apiVersion: string;
  /** The raw body exactly as signed (numeric ids beyond 2^53 must be read from it). */
  rawBody: string;
};

const unauthorized = (why: string) => new Response(why, { status: 401 });

/**
 * Verifies an order-topic delivery the way Shopify signs it: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the
 * raw body with the app's secret, compared in constant time. A missing, empty or wrong signature is a 401 (nothing
 * is read further); a signed delivery without its webhook id or shop is a 400.
 *
 * The same check as authenticate.webhook of Shopify's library, without what the order routes do not use: the
 * library also loads (and may refresh) the shop's offline session and builds an Admin API client on every
 * delivery, which was the largest cost of the webhook route under load (docs/decisions/0006-order-webhook-hot-path.md).
 */
export async function verifyOrderWebhook(request: Request): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw new Response(null, { status: 405 });
  const signature = request.headers.get("X-Shopify-Hmac-Sha256");
  if (!signature) throw unauthorized("Missing webhook signature");
  const rawBody = await request.text();
  const expected = createHmac("sha256", env.SHOPIFY_API_SECRET).update(rawBody, "utf8").digest();
  const given = Buffer.from(signature, "base64");
  // Buffer.from(…, "base64") ignores characters outside the alphabet: require the canonical text as well.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString("base64") !== signature) {
    throw unauthorized("Invalid webhook signature");
  }
  const shop = request.headers.get("X-Shopify-Shop-Domain");
  const webhookId = request.headers.get("X-Shopify-Webhook-Id");
  const topic = request.headers.get("X-Shopify-Topic");
  if (!shop || !webhookId || !topic) throw new Response("Missing X-Shopify-Shop-Domain, X-Shopify-Topic or X-Shopify-Webhook-Id", { status: 400 });
  return {
    shop,
    topic,
    webhookId,
    eventId: request.headers.get("X-Shopify-Event-Id"),
    apiVersion: request.headers.get("X-Shopify-API-Version") ?? "",
    rawBody,
  };
}

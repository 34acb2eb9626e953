import crypto from "node:crypto";
import { TEST_API_SECRET } from "./app-process";

export type WebhookDelivery = {
  topic: string;
  shop: string;
  body: string;
  webhookId?: string;
  eventId?: string;
  apiVersion?: string;
  secret?: string;
  /** Replace the computed signature (bad-signature cases). */
  hmac?: string | null;
};

/** Shopify's webhook signature: base64 HMAC-SHA256 of the raw body with the app secret. */
export function webhookHmac(body: string | Buffer, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64");
}

/** Headers exactly as Shopify sends them with a webhook delivery. */
export function webhookHeaders(delivery: WebhookDelivery): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": delivery.topic,
    "X-Shopify-Shop-Domain": delivery.shop,
    "X-Shopify-API-Version": delivery.apiVersion ?? "2026-10",
    "X-Shopify-Webhook-Id": delivery.webhookId ?? crypto.randomUUID(),
    "X-Shopify-Event-Id": delivery.eventId ?? crypto.randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
  const hmac = delivery.hmac === undefined ? webhookHmac(delivery.body, delivery.secret ?? TEST_API_SECRET) : delivery.hmac;
  if (hmac !== null) headers["X-Shopify-Hmac-Sha256"] = hmac;
  return headers;
}

/** POSTs a signed webhook to the app's route for its topic (webhooks/<topic with / → _>... as declared in shopify.app.toml). */
export async function sendWebhook(appUrl: string, routePath: string, delivery: WebhookDelivery): Promise<Response> {
  return fetch(new URL(routePath, appUrl), { method: "POST", headers: webhookHeaders(delivery), body: delivery.body });
}

import { ShopifyPayloadError } from "../domain/orders";
import { parseIngestWebhook, receiveWebhook, type IngestTopic } from "../ingest/webhook-inbox.server";
import { verifyOrderWebhook } from "./verify-order-webhook.server";

function badRequest(message: string): Response {
  return new Response(`Bad request: ${message}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The whole life of an order-topic delivery: the signature is checked on the raw body (401 when wrong or missing),
 * the topic header must be the route's own (a genuine body replayed to another topic's route is refused), the body
 * must parse (400 naming the problem, nothing stored), then the delivery is stored and processed. 200 once it is
 * stored, even if processing failed (the retry job owns it from then on); 5xx only if it could not be stored.
 */
export async function receiveIngestWebhook(request: Request, topic: IngestTopic): Promise<Response> {
  const delivery = await verifyOrderWebhook(request);
  const headerTopic = delivery.topic.trim().toLowerCase();
  if (headerTopic !== topic) return badRequest(`this address receives ${topic} deliveries, not ${headerTopic}`);

  let parsed: ReturnType<typeof parseIngestWebhook>;
  try {
    parsed = parseIngestWebhook(topic, delivery.rawBody);
  } catch (error) {
    if (error instanceof ShopifyPayloadError) return badRequest(error.message);
    throw error;
  }
  const outcome = await receiveWebhook({
    shop: delivery.shop,
    topic,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    rawBody: delivery.rawBody,
    parsed,
  });
  return new Response(null, { status: 200, headers: { "X-Creator-Roi-Webhook": outcome } });
}

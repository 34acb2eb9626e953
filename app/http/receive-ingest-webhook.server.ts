import { ShopifyPayloadError } from "../domain/orders";
import { parseIngestWebhook, receiveWebhook, type IngestTopic } from "../ingest/webhook-inbox.server";
import { authenticateWebhook } from "./authenticate-webhook.server";

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
  // Read before the library consumes it: the refund's order id exceeds 2^53 and only the raw text keeps it exact.
  const rawBody = await request.clone().text();
  let context: Awaited<ReturnType<typeof authenticateWebhook>>;
  try {
    context = await authenticateWebhook(request);
  } catch (error) {
    // The library parses the (authentic) body as JSON after the signature check.
    if (error instanceof SyntaxError) return badRequest(`the ${topic} body is not JSON`);
    throw error;
  }
  const headerTopic = request.headers.get("X-Shopify-Topic")?.trim().toLowerCase() ?? "";
  if (headerTopic !== topic) return badRequest(`this address receives ${topic} deliveries, not ${headerTopic || "an unnamed topic"}`);

  let parsed: ReturnType<typeof parseIngestWebhook>;
  try {
    parsed = parseIngestWebhook(topic, rawBody, context.payload);
  } catch (error) {
    if (error instanceof ShopifyPayloadError) return badRequest(error.message);
    throw error;
  }
  const outcome = await receiveWebhook({
    shop: context.shop,
    topic,
    webhookId: context.webhookId,
    eventId: "eventId" in context && typeof context.eventId === "string" ? context.eventId : null,
    rawBody,
    parsed,
  });
  return new Response(null, { status: 200, headers: { "X-Creator-Roi-Webhook": outcome } });
}

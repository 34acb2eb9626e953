// The webhook inbox (DESIGN §6). A delivery is stored under its X-Shopify-Webhook-Id before the app answers 200:
// normally in the very transaction that processes it (one commit: the event is stored processed, with the order),
// and when processing fails, on its own as a pending event with its raw body, for the retry job. Shopify only ever
// gets a 200 for a delivery that is in the database; a duplicate (the same webhook id, however many copies arrive at
// once) hits the unique key, rolls its transaction back, and gets a 200 that changed nothing.
import { normalizeOrder, normalizeRefund, ShopifyPayloadError, type NormalizedOrder, type NormalizedRefund } from "../domain/orders";
import {
  deleteProcessedWebhookEventsBefore,
  DuplicateWebhookError,
  insertProcessedWebhookEvent,
  listDueWebhookEvents,
  markWebhookEventProcessed,
  recordWebhookEventFailure,
  requeueParkedWebhookEvent,
  getWebhookEvent,
  storePendingWebhookEvent,
  type IncomingWebhookEvent,
} from "../models/webhook-event.server";
import type { WebhookEvent } from "../generated/prisma/client";
import { inTransaction, type Tx } from "../models/transaction.server";
import { ingestOrderIn, ingestRefundIn } from "./ingest-order.server";

/** The order topics this app ingests, each with its own route (shopify.app.toml). */
export const INGEST_TOPICS = ["orders/create", "orders/updated", "orders/cancelled", "refunds/create"] as const;
export type IngestTopic = (typeof INGEST_TOPICS)[number];

export type ParsedWebhook = { kind: "order"; order: NormalizedOrder } | { kind: "refund"; refund: NormalizedRefund };

/**
 * Reads a delivery's raw body for its topic. Throws ShopifyPayloadError (the route answers 400, nothing stored) when
 * the body is not JSON or not the shape ingestion relies on. Refunds need the raw text: the order id exceeds 2^53.
 */
export function parseIngestWebhook(topic: IngestTopic, rawBody: string, parsedBody?: unknown): ParsedWebhook {
  let payload = parsedBody;
  if (payload === undefined) {
    try {
      payload = JSON.parse(rawBody) as unknown;
    } catch {
      throw new ShopifyPayloadError(`The ${topic} body is not JSON`);
    }
  }
  if (topic === "refunds/create") return { kind: "refund", refund: normalizeRefund(payload, rawBody) };
  return { kind: "order", order: normalizeOrder(payload) };
}

/** Processes one parsed delivery inside the caller's transaction. */
async function processIn(tx: Tx, shop: string, parsed: ParsedWebhook): Promise<void> {
  if (parsed.kind === "order") await ingestOrderIn(tx, shop, parsed.order, { source: "webhook" });
  else await ingestRefundIn(tx, shop, parsed.refund);
}

/** Retry policy of failed deliveries: exponential backoff, then parked for staff to replay. */
export type RetryPolicy = { baseDelayMs: number; maxAttempts: number };
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxAttempts: 8 };

/** When the next attempt runs after `attempts` failed ones (30 s, 1 min, 2 min, … by default); null once they are used up. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

export type ReceiveOutcome = "processed" | "duplicate" | "stored_for_retry";

/**
 * Receives one verified delivery: stores it keyed by its webhook id and processes it, in one transaction. A duplicate
 * changes nothing. When processing fails, the delivery is stored pending (with its raw body) for the retry job and
 * the outcome is still a success for Shopify. Throws only when the delivery could not be stored at all (the route
 * answers 5xx and Shopify delivers it again).
 */
export async function receiveWebhook(input: {
  shop: string;
  topic: IngestTopic;
  webhookId: string;
  eventId: string | null;
  rawBody: string;
  parsed: ParsedWebhook;
  now?: Date;
  policy?: RetryPolicy;
}): Promise<ReceiveOutcome> {
  const now = input.now ?? new Date();
  const event: IncomingWebhookEvent = { webhookId: input.webhookId, eventId: input.eventId, topic: input.topic, payload: input.rawBody, receivedAt: now };
  try {
    await inTransaction(async (tx) => {
      await processIn(tx, input.shop, input.parsed);
      await insertProcessedWebhookEvent(tx, input.shop, event, now);
    });
    return "processed";
  } catch (error) {
    if (error instanceof DuplicateWebhookError) return "duplicate";
    console.error(`Creator ROI: ${input.topic} ${input.webhookId} of ${input.shop} not processed, kept for retry: ${describe(error)}`);
    const stored = await storePendingWebhookEvent(input.shop, event, {
      attempts: 1,
      error: describe(error),
      nextAttemptAt: nextAttemptAt(1, now, input.policy) ?? now,
    });
    return stored === "duplicate" ? "duplicate" : "stored_for_retry";
  }
}

export type StoredEventOutcome = "processed" | "retry_scheduled" | "parked" | "taken_by_another_worker";

/** Processes a stored pending event once; on failure schedules the next attempt or parks it. */
export async function processStoredWebhookEvent(event: WebhookEvent, now: Date = new Date(), policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<StoredEventOutcome> {
  try {
    if (!(INGEST_TOPICS as readonly string[]).includes(event.topic)) throw new ShopifyPayloadError(`No handler for topic ${event.topic}`);
    const parsed = parseIngestWebhook(event.topic as IngestTopic, event.payload);
    const done = await inTransaction(async (tx) => {
      if (!(await markWebhookEventProcessed(tx, event, now))) return false;
      await processIn(tx, event.shop, parsed);
      return true;
    });
    return done ? "processed" : "taken_by_another_worker";
  } catch (error) {
    const next = nextAttemptAt(event.attempts + 1, now, policy);
    await recordWebhookEventFailure(event, describe(error), next);
    return next ? "retry_scheduled" : "parked";
  }
}

/** The retry job: processes every pending event that is due (all shops), oldest first. */
export async function retryDueWebhookEvents(
  opts: { now?: Date; limit?: number; policy?: RetryPolicy } = {},
): Promise<Record<StoredEventOutcome, number>> {
  const now = opts.now ?? new Date();
  const counts: Record<StoredEventOutcome, number> = { processed: 0, retry_scheduled: 0, parked: 0, taken_by_another_worker: 0 };
  for (const event of await listDueWebhookEvents(now, opts.limit ?? 200)) {
    counts[await processStoredWebhookEvent(event, now, opts.policy)] += 1;
  }
  return counts;
}

/**
 * Staff replay a parked event of their shop: it gets a fresh attempt budget and is processed right away.
 * Returns null when the shop has no such parked event.
 */
export async function replayParkedWebhookEvent(shop: string, id: string, now: Date = new Date()): Promise<StoredEventOutcome | null> {
  if (!(await requeueParkedWebhookEvent(shop, id, now))) return null;
  const event = await getWebhookEvent(shop, id);
  if (!event) return null;
  return processStoredWebhookEvent(event, now);
}

/**
 * How long a processed delivery's id is kept: Shopify redelivers an unacknowledged webhook for up to 48 hours, so a
 * week covers every duplicate that can still come; older rows only take space.
 */
export const PROCESSED_EVENT_RETENTION_DAYS = 7;

/** Deletes the processed deliveries older than the retention (pending and parked ones stay until handled). */
export async function pruneProcessedWebhookEvents(now: Date = new Date(), retentionDays = PROCESSED_EVENT_RETENTION_DAYS): Promise<number> {
  return deleteProcessedWebhookEventsBefore(new Date(now.getTime() - retentionDays * 86_400_000));
}

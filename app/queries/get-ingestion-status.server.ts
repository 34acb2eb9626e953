import { getShop } from "../models/shop.server";
import { countWebhookEventsByStatus, getLastWebhookEventAt, listWebhookEvents, type WebhookEventStatus } from "../models/webhook-event.server";

export type IngestionEvent = {
  id: string;
  topic: string;
  webhookId: string;
  receivedAt: string;
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
};

export type IngestionStatus = {
  ianaTimezone: string;
  counts: Record<WebhookEventStatus, number>;
  lastReceivedAt: string | null;
  /** Deliveries that failed every attempt: staff replay them once the cause is fixed. */
  parked: IngestionEvent[];
  /** Deliveries that failed and wait for their next automatic attempt. */
  retrying: IngestionEvent[];
};

const LIST_LIMIT = 50;

/** The shop's webhook inbox at a glance: counts per status, the last delivery, and the deliveries that need attention. */
export async function getIngestionStatus(shop: string): Promise<IngestionStatus> {
  const [settings, counts, lastReceivedAt, parked, retrying] = await Promise.all([
    getShop(shop),
    countWebhookEventsByStatus(shop),
    getLastWebhookEventAt(shop),
    listWebhookEvents(shop, "parked", LIST_LIMIT),
    listWebhookEvents(shop, "pending", LIST_LIMIT),
  ]);
  const view = (event: (typeof parked)[number]): IngestionEvent => ({
    id: event.id,
    topic: event.topic,
    webhookId: event.webhookId,
    receivedAt: event.receivedAt.toISOString(),
    attempts: event.attempts,
    error: event.error,
    nextAttemptAt: event.nextAttemptAt?.toISOString() ?? null,
  });
  return {
    ianaTimezone: settings?.ianaTimezone ?? "UTC",
    counts,
    lastReceivedAt: lastReceivedAt?.toISOString() ?? null,
    parked: parked.map(view),
    retrying: retrying.map(view),
  };
}

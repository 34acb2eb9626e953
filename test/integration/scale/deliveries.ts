// Deliveries as Shopify makes them at scale: every event possibly more than once (a retry after a slow answer, an
// at-least-once redelivery), not in order, some copies at the same moment, spread over the app's instances.
import type { GeneratedEvent } from "../../../scripts/lib/generate-orders";
import { sendWebhook } from "../../support/webhook-request";

/** A seeded generator of floats in [0, 1): the same seed gives the same deliveries on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One send: one or more copies of the same event, sent at the same moment, each to the instance named by `targets`. */
export type Send = { event: GeneratedEvent; targets: number[] };

/**
 * Every event 1–3 times; about a fifth of the events that are duplicated send two copies at once (to different
 * instances when there are several). The sends are shuffled: updates before creates, refunds before their orders.
 */
export function duplicatedShuffledSends(events: readonly GeneratedEvent[], instances: number, random: () => number): Send[] {
  const sends: Send[] = [];
  const instance = () => Math.floor(random() * instances);
  for (const event of events) {
    const copies = 1 + Math.floor(random() * 3);
    let left = copies;
    if (copies >= 2 && random() < 0.2) {
      const first = instance();
      sends.push({ event, targets: [first, instances > 1 ? (first + 1) % instances : first] });
      left -= 2;
    }
    for (let i = 0; i < left; i++) sends.push({ event, targets: [instance()] });
  }
  return shuffle(sends, random);
}

export type Answer = { event: GeneratedEvent; status: number; ms: number; outcome: string | null };

/** Delivers one event to the app at `appUrl` as Shopify signs it; a connection failure is status 0. */
export async function deliverEvent(appUrl: string, shop: string, event: GeneratedEvent, timeoutMs = 20_000): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await Promise.race([
      sendWebhook(appUrl, `/webhooks/${event.topic}`, { topic: event.topic, shop, body: event.body, webhookId: event.webhookId, eventId: event.eventId }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    await response.arrayBuffer();
    return { event, status: response.status, ms: performance.now() - started, outcome: response.headers.get("X-Creator-Roi-Webhook") };
  } catch {
    return { event, status: 0, ms: performance.now() - started, outcome: null };
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in input order. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Polls `check` until it returns true, or fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

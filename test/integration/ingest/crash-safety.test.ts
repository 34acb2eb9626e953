// kill -9 of the app process while a sender streams order webhooks, again and again: every delivery that got a 200
// is in the database, processed once the app is back (its retry job runs at start), and after the sender redelivers
// what was never acknowledged — as Shopify does — the totals are exact.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateOrderStream, type GeneratedEvent } from "../../../scripts/lib/generate-orders";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { webhookHeaders } from "../../support/webhook-request";
import { rollupTotals, seedWorld, totalsOf } from "./seed-world";

const SHOP = "crash.myshopify.com";
const TRIALS = 6;

/** POSTs one delivery; resolves with the status, or 0 when the connection died before an answer. */
function deliver(url: string, event: GeneratedEvent, agent: http.Agent): Promise<number> {
  const headers = webhookHeaders({ topic: event.topic, shop: SHOP, body: event.body, webhookId: event.webhookId, eventId: event.eventId });
  return new Promise((resolve) => {
    const request = http.request(new URL(`/webhooks/${event.topic}`, url), { method: "POST", headers, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve(0));
    });
    request.on("error", () => resolve(0));
    request.end(event.body);
  });
}

describe("crash safety", () => {
  let database: TestDatabase;
  let app: AppProcess | null = null;
  const stream = generateOrderStream({ seed: 31, shop: SHOP, orders: 420 });

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedWorld(database.client, stream, "crash-");
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test(`the app killed with SIGKILL mid-stream ${TRIALS} times loses no acknowledged delivery`, async () => {
    const acknowledged = new Set<string>();
    let queue = [...stream.events];
    const kills: { sentBeforeKill: number; acknowledged: number; unanswered: number }[] = [];

    for (let trial = 0; trial <= TRIALS; trial++) {
      app = await startAppProcess(testAppEnv(database.url));
      const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
      const unanswered: GeneratedEvent[] = [];
      let next = 0;
      let sent = 0;
      let ackedThisRun = 0;
      let killed = false;
      // Killed after a number of acknowledgements that differs per trial, while six deliveries are in flight.
      const killAfter = trial < TRIALS ? 40 + trial * 23 : Infinity;
      let onKill: () => void = () => undefined;
      const killedAt = new Promise<void>((resolve) => (onKill = resolve));
      const worker = async () => {
        while (next < queue.length && !killed) {
          const event = queue[next++]!;
          sent += 1;
          const status = await deliver(app!.url, event, agent);
          if (status === 200) {
            acknowledged.add(event.webhookId);
            ackedThisRun += 1;
          } else {
            unanswered.push(event);
          }
          if (ackedThisRun >= killAfter && !killed) {
            killed = true;
            app!.child.kill("SIGKILL");
            onKill();
          }
        }
      };
      const workers = Promise.all(Array.from({ length: 6 }, worker));
      if (trial < TRIALS) {
        await killedAt;
        await new Promise((resolve) => app!.child.once("exit", resolve));
      }
      await workers;
      agent.destroy();
      const rest = queue.slice(next);
      if (trial < TRIALS) kills.push({ sentBeforeKill: sent, acknowledged: ackedThisRun, unanswered: unanswered.length });
      // Shopify delivers again whatever it got no 200 for.
      queue = [...unanswered, ...rest];

      // Every delivery acknowledged so far is stored, whatever happened after its 200.
      const stored = new Set((await database.client.webhookEvent.findMany({ where: { shop: SHOP }, select: { webhookId: true } })).map((e) => e.webhookId));
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
      if (trial < TRIALS) app = null;
    }
    expect(queue).toEqual([]);
    expect(kills).toHaveLength(TRIALS);
    expect(kills.every((k) => k.acknowledged > 0 && k.sentBeforeKill > k.unanswered)).toBe(true);
    console.log(`crash safety: ${TRIALS} kill -9 trials`, kills);

    // The last run's scheduler retries anything pending at start; give it one tick to be sure.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await database.client.webhookEvent.count({ where: { shop: SHOP, status: { not: "processed" } } })).toBe(0);
    expect(acknowledged.size).toBe(stream.events.length);
    expect(await database.client.webhookEvent.count({ where: { shop: SHOP } })).toBe(stream.events.length);
    const totals = await rollupTotals(database.client, SHOP);
    for (const creator of stream.creators) expect({ creator: creator.key, ...totalsOf(totals, `crash-${creator.key}`) }).toEqual({ creator: creator.key, ...stream.expected.byCreator[creator.key] });
    expect(totalsOf(totals, "")).toEqual(stream.expected.baseline);
  }, 120_000);
});

import os from "node:os";
import { pruneProcessedWebhookEvents, retryDueWebhookEvents } from "../ingest/webhook-inbox.server";
import { appJobHandlers } from "./job-handlers.server";
import { runDueJobs } from "./run-due-jobs.server";
import { schedulePeriodicJobs } from "./schedule-periodic-jobs.server";

export type JobScheduler = { stop(): Promise<void>; tick(): Promise<void> };

let running: JobScheduler | null = null;
let prunedHour: number | null = null;

/** Old processed webhook deliveries are deleted once an hour per process (idempotent across instances). */
async function pruneHourly(now: Date = new Date()): Promise<void> {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour === prunedHour) return;
  await pruneProcessedWebhookEvents(now);
  prunedHour = hour;
}

/**
 * With the embedded default the web process runs the background work itself: every `intervalMs` it retries the
 * webhook deliveries that are due and runs the due jobs it has handlers for (and, hourly, deletes week-old processed
 * deliveries). Ticks never overlap; the first runs at
 * once, so that deliveries left pending by a crash are retried as soon as the app is back. Claims live in the
 * database, so several instances may each run a scheduler. Idempotent: a second call returns the running one.
 */
export async function startJobScheduler(opts: { intervalMs?: number; workerId?: string } = {}): Promise<JobScheduler> {
  if (running) return running;
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}`;
  const handlers = appJobHandlers();
  let current: Promise<void> | null = null;
  let stopped = false;

  const tick = (): Promise<void> => {
    if (current) return current;
    current = (async () => {
      try {
        await retryDueWebhookEvents();
        await pruneHourly();
        // Periodic runs (hourly reconciliation) carry run keys: enqueued once however many processes tick.
        await schedulePeriodicJobs();
        await runDueJobs(handlers, workerId);
      } catch (error) {
        console.error("Creator ROI: background tick failed", error);
      } finally {
        current = null;
      }
    })();
    return current;
  };

  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, opts.intervalMs ?? 5_000);
  timer.unref();
  void tick();
  running = {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (current) await current;
      running = null;
    },
  };
  return running;
}

// `npm run worker`: the background process of a deployment on PostgreSQL. It runs the scheduled work of the built app
// (webhook retries, hourly order reconciliation per installed shop, order history backfills, discount-code repairs,
// cohort snapshot refreshes, rollup rebuilds: every job app/jobs/job-handlers.server.ts registers), so that web
// instances stay stateless and answer requests only. Several workers may run side by side: each job is claimed in the
// database by one of them. Needs the same environment as the web process (DATABASE_URL, SHOPIFY_*: jobs call the
// Admin API with the shops' offline sessions) and `npm run build` first, like `npm start`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importServerBuild } from "./lib/app-server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** A job still running at SIGTERM gets this long to finish; after that its lease expires and another worker resumes it. */
const STOP_GRACE_MS = 25_000;

async function main() {
  const build = await importServerBuild(root);
  const start = build.entry.module.startBackgroundJobs;
  if (!start) throw new Error("The server build has no startBackgroundJobs: build the app again (npm run build)");
  const jobs = await start("worker");
  if (!jobs) throw new Error("The worker's job scheduler did not start");
  // The scheduler's timer does not hold the process open (web servers keep running for their sockets); a worker has
  // nothing else, so this timer does.
  const keepAlive = setInterval(() => undefined, 60_000);
  console.log(`worker ${jobs.workerId} running jobs every ${jobs.intervalMs} ms: ${jobs.jobNames.join(", ")}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`worker ${jobs.workerId}: ${signal}, finishing the current job`);
    const forced = setTimeout(() => process.exit(0), STOP_GRACE_MS);
    forced.unref();
    void jobs.scheduler.stop().finally(() => {
      clearInterval(keepAlive);
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  // EnvError already names every missing or malformed variable.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

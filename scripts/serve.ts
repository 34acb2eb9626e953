// Serves the production build on HOST:PORT (defaults 0.0.0.0:3000) and prints one line
// "listening <url>" once it accepts requests. Used by `npm start`, the tests and the benchmarks.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importServerBuild, startAppServer } from "./lib/app-server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const build = await importServerBuild(root);
  const server = await startAppServer({ root, build, host: process.env.HOST ?? "0.0.0.0", port: Number(process.env.PORT ?? 3000) });
  // The embedded default (SQLite): this process also retries failed webhook deliveries and runs the due jobs. On
  // PostgreSQL the web instances stay stateless and `npm run worker` runs them, unless RUN_JOBS_IN_WEB=1.
  const jobs = await build.entry.module.startBackgroundJobs?.("web");
  console.log(jobs ? `background jobs: run here (${jobs.workerId}, every ${jobs.intervalMs} ms)` : "background jobs: left to the worker (npm run worker)");
  console.log(`listening ${server.url}`);
  const stop = () =>
    Promise.all([server.close(), jobs?.scheduler.stop()]).then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  // EnvError already names every missing or malformed variable.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm run demo`: builds the app and serves it at http://localhost:3000/app for a demo shop, on a
// fresh SQLite file, with the Admin API answered by the local Shopify stand-in. It never serves a
// real shop: it refuses real credentials, listens on loopback only, and the demo seam it switches on
// serves the demo shop whatever the request says.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoRealShopifyCredentials, DEMO_SHOP } from "../app/demo/demo-mode.server.ts";
import { parseDatabaseUrl } from "../app/db/database-url.ts";
import { applyMigrations } from "./lib/schema-engine.ts";
import { importServerBuild, startAppServer } from "./lib/app-server.ts";
import { startShopifyStandIn } from "../test/support/shopify-stand-in/index.ts";
import { seedDemo } from "./lib/seed-demo.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_HOST = "127.0.0.1";

export type DemoOptions = { port: number; build: boolean; databaseFile: string; log?: (line: string) => void };

/** Starts the demo; returns its URL and a function that stops it. */
export async function startDemo(options: DemoOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  assertNoRealShopifyCredentials(process.env);

  // Demo-only values: the secret is random per run, so nothing signed for the demo works elsewhere.
  const secret = `demo-${crypto.randomBytes(24).toString("hex")}`;
  Object.assign(process.env, {
    NODE_ENV: "production",
    SHOPIFY_API_KEY: "demo-api-key",
    SHOPIFY_API_SECRET: secret,
    SHOPIFY_APP_URL: `http://localhost:${options.port}`,
    CLICK_HASH_SALT: crypto.randomBytes(24).toString("hex"),
    DATABASE_URL: `file:${options.databaseFile}`,
  });

  if (options.build) {
    log("Building the app…");
    const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: process.env,
    });
    if (result.status !== 0) throw new Error("The build failed");
  }

  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(options.databaseFile + suffix, { force: true });
  const target = parseDatabaseUrl(process.env.DATABASE_URL!, root);
  await applyMigrations({ target, schemaPath: path.join(root, "prisma/schema.prisma"), migrationsDir: path.join(root, "prisma/migrations") });

  const standIn = await startShopifyStandIn({ host: DEMO_HOST, port: 0 });
  const build = await importServerBuild(root);
  const enable = build.entry.module.enableDemoMode;
  if (!enable) throw new Error("The server build does not expose the demo seam");
  enable({ adminEndpoint: standIn.endpointFor(DEMO_SHOP), accessToken: standIn.accessTokenFor(DEMO_SHOP) });

  const server = await startAppServer({ root, build, host: DEMO_HOST, port: options.port });
  const scheduler = await build.entry.module.startJobScheduler?.();
  await seedDemo({ appUrl: server.url, apiSecret: secret, shop: DEMO_SHOP, standIn, log });
  return {
    url: `http://localhost:${server.port}/app`,
    server,
    standIn,
    async stop() {
      await scheduler?.stop();
      await server.close();
      await standIn.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  const build = !process.argv.includes("--no-build");
  startDemo({ port, build, databaseFile: path.join(root, "prisma/demo.db") })
    .then((demo) => console.log(`\nCreator ROI demo: ${demo.url}  (demo shop ${DEMO_SHOP}; Ctrl+C to stop)`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

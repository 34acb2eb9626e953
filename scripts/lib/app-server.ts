// Serves a built Remix app over HTTP: used by the demo, the integration and browser tests, and the
// benchmarks, so that all of them exercise the same server the production `npm start` runs.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

export type RunningServer = { url: string; port: number; host: string; server: http.Server; close(): Promise<void> };

export type BackgroundJobsHandle = { workerId: string; jobNames: string[]; intervalMs: number; scheduler: { stop(): Promise<void> } };

export type ServerBuildWithEntry = ServerBuild & {
  entry: {
    module: ServerBuild["entry"]["module"] & {
      enableDemoMode?: (config: { adminEndpoint: string; accessToken: string }) => void;
      startJobScheduler?: (opts?: { intervalMs?: number }) => Promise<{ stop(): Promise<void> }>;
      /** app/jobs/background-jobs.server.ts: null when this role leaves the jobs to other processes (web on PostgreSQL). */
      startBackgroundJobs?: (role: "web" | "worker", opts?: { intervalMs?: number }) => Promise<BackgroundJobsHandle | null>;
    };
  };
};

/** Where `remix vite:build` wrote the app (BUILD_DIR, default build/). */
export function buildDirectory(root: string): string {
  return path.resolve(root, process.env.BUILD_DIR ?? "build");
}

/** Imports the server build; its modules read and validate the environment at this moment. */
export async function importServerBuild(root: string): Promise<ServerBuildWithEntry> {
  return (await import(pathToFileURL(path.join(buildDirectory(root), "server/index.js")).href)) as ServerBuildWithEntry;
}

/** Starts an HTTP server for the build on host:port (port 0 picks a free one). */
export async function startAppServer(opts: { root: string; build: ServerBuildWithEntry; host: string; port: number }): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const client = path.join(buildDirectory(opts.root), "client");
  app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(client, { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build: opts.build, mode: "production" }));
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("Server has no TCP address");
  const shownHost = address.address.includes(":") ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    host: address.address,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A PostgreSQL server of a test's own (initdb in a temp folder, its own port), for tests that stop and restart the
// database: the shared server on 5432 is never touched. As root, the server runs as the `postgres` user (PostgreSQL
// refuses to run as root), with the data folder owned by it.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type PrivatePostgres = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  serverUrl: string;
  port: number;
  dataDir: string;
  /** A URL to a database `name` on this server. */
  urlFor(name: string): string;
  /** Stops the server; "immediate" is a crash (no checkpoint, clients cut off), as when the database host dies. */
  stop(mode?: "fast" | "immediate"): void;
  /** Starts the server again on the same port and data, and waits until it accepts connections. */
  start(): void;
  /** Stops the server if it runs and deletes its files. */
  destroy(): void;
};

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<major>/bin); null when none. */
export function findPostgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const majors = fs
    .readdirSync(base)
    .filter((entry) => fs.existsSync(path.join(base, entry, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(base, majors[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the user that owns the data (postgres when we are root). */
function runAsOwner(binary: string, args: string[], opts: { allowFailure?: boolean } = {}): string {
  const asRoot = process.getuid?.() === 0;
  const file = asRoot ? "runuser" : binary;
  const argv = asRoot ? ["-u", "postgres", "--", binary, ...args] : args;
  const result = spawnSync(file, argv, { encoding: "utf8", cwd: os.tmpdir() });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0 && !opts.allowFailure) throw new Error(`${path.basename(binary)} ${args.join(" ")} failed (${result.status}):\n${output}`);
  return output;
}

/**
 * Creates and starts a private PostgreSQL server: trust auth on loopback, fsync off (a test's data need not survive a
 * power cut; an immediate stop still exercises crash recovery through the WAL).
 */
export async function startPrivatePostgres(opts: { binDir?: string } = {}): Promise<PrivatePostgres> {
  const binDir = opts.binDir ?? findPostgresBinDir();
  if (!binDir) throw new Error("No PostgreSQL server binaries in /usr/lib/postgresql/*/bin");
  const bin = (name: string) => path.join(binDir, name);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "creator-roi-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  fs.mkdirSync(socketDir);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", root]);
  const port = await freePort();
  const logFile = path.join(root, "server.log");

  runAsOwner(bin("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-instructions"]);
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      "fsync = off",
      "max_connections = 60",
      "shared_buffers = 32MB",
      "",
    ].join("\n"),
  );

  let running = false;
  const start = () => {
    runAsOwner(bin("pg_ctl"), ["-D", dataDir, "-l", logFile, "-w", "-t", "30", "-o", `-p ${port}`, "start"]);
    running = true;
  };
  const stop = (mode: "fast" | "immediate" = "fast") => {
    if (!running) return;
    runAsOwner(bin("pg_ctl"), ["-D", dataDir, "-m", mode, "-w", "-t", "30", "stop"]);
    running = false;
  };
  start();

  const urlFor = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  return {
    serverUrl: urlFor("postgres"),
    port,
    dataDir,
    urlFor,
    stop,
    start,
    destroy() {
      try {
        if (running) runAsOwner(bin("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFailure: true });
      } finally {
        running = false;
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./paths";

export const TEST_API_KEY = "test-api-key";
export const TEST_API_SECRET = "test-api-secret-with-enough-entropy";

function serverArgs(): string[] {
  return ["--import", "tsx", "--import", path.join(ROOT, "test/support/route-shopify-fetch.ts"), path.join(ROOT, "scripts/serve.ts")];
}

export type AppProcess = { url: string; child: ChildProcess; output: () => string; stop(): Promise<void> };

/** The environment of a test server; pass SHOPIFY_STAND_IN_URL in `extra` to route Admin API calls to a stand-in. */
export function testAppEnv(databaseUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BUILD_DIR: process.env.BUILD_DIR,
    TZ: "UTC",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "https://creator-roi.test",
    CLICK_HASH_SALT: "test-salt-0123456789abcdef",
    DATABASE_URL: databaseUrl,
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Runs the built app server in its own process (its own environment) and waits until it listens. */
export async function startAppProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<AppProcess> {
  const child = spawn(process.execPath, serverArgs(), {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`App exited with code ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function runAppUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, serverArgs(), { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`App kept running:\n${output}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

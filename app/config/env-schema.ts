import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../db/database-url";

// Scopes the app needs: discounts to create creator codes, orders (with read_all_orders requested
// separately from Shopify) for attribution and backfill, products for unit costs and gifted items.
export const REQUIRED_SCOPES = ["read_discounts", "write_discounts", "read_orders", "read_products"] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id from the Partner Dashboard)"),
  SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" }),
  SCOPES: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, "must be a comma-separated list of Admin API scopes")
    .default(REQUIRED_SCOPES.join(",")),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  SHOP_CUSTOM_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, "must be a bare host name").optional(),
  // Salt of the click visitor hash: without it IP+UA hashes could be reversed by brute force.
  CLICK_HASH_SALT: z.string().min(16, "must be at least 16 characters of random text"),
  APP_PROXY_PREFIX: z.enum(["apps", "a", "community", "tools"]).default("apps"),
  APP_PROXY_SUBPATH: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits or -").default("creator-roi"),
  // Tracked-link clicks one visitor IP may make per minute through the app proxy; above it the proxy answers 429.
  LINK_CLICKS_PER_MINUTE_PER_IP: z.coerce.number().int().min(1, "must be at least 1").max(100_000).default(60),
  LOG_LEVEL: z.enum(["error", "warn", "info", "debug"]).default("info"),
  // PostgreSQL connections this process may open (instances × pool size must stay under max_connections).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, "must be at least 1").max(500).default(10),
  // Background jobs in the web process: unset = yes on SQLite, no on PostgreSQL (the worker runs them); 1 or 0 forces.
  RUN_JOBS_IN_WEB: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional(),
  // How often a process that runs jobs looks for due ones.
  JOB_INTERVAL_MS: z.coerce.number().int().min(50, "must be at least 50").max(600_000).default(5_000),
  // Tests only: a file the "probe" job appends one line to per execution (the job exists only when this is set).
  JOB_PROBE_FILE: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(
      "Creator ROI cannot start: the environment is incomplete.\n" +
        problems.map((p) => `  - ${p.name} ${p.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

/** Validates the environment; every missing or malformed variable is named in one error. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(input);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const missing = input[name] === undefined;
      return { name, message: missing && issue.code === "invalid_type" ? "is required" : issue.message };
    }),
  );
}

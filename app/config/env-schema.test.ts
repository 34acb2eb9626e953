import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "./env-schema";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
  CLICK_HASH_SALT: "0123456789abcdef",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems.map((p) => `${p.name}: ${p.message}`);
  }
}

describe("parseEnv", () => {
  test("a complete environment gets its defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.SCOPES).toBe("read_discounts,write_discounts,read_orders,read_products");
    expect(env.NODE_ENV).toBe("production");
  });

  test.each([
    ["the API key is missing", { SHOPIFY_API_KEY: undefined }, ["SHOPIFY_API_KEY: is required"]],
    ["an empty value counts as missing", { SHOPIFY_API_SECRET: "" }, ["SHOPIFY_API_SECRET: is required"]],
    ["the app URL is not a URL", { SHOPIFY_APP_URL: "app.example.com" }, ["SHOPIFY_APP_URL: must be the app's public http(s) URL"]],
    ["the app URL has another scheme", { SHOPIFY_APP_URL: "ftp://x.example.com" }, ["SHOPIFY_APP_URL: must be the app's public http(s) URL"]],
    ["scopes with spaces", { SCOPES: "read_orders, write_discounts" }, ["SCOPES: must be a comma-separated list of Admin API scopes"]],
    ["an unknown database", { DATABASE_URL: "mysql://x" }, ['DATABASE_URL: DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)']],
    ["a short salt", { CLICK_HASH_SALT: "short" }, ["CLICK_HASH_SALT: must be at least 16 characters of random text"]],
  ])("%s is named", (_label, patch, expected) => {
    expect(problems({ ...valid, ...patch })).toEqual(expected);
  });

  test("every problem is named at once", () => {
    const names = problems({ SHOPIFY_APP_URL: "nope" }).map((p) => p.split(":")[0]);
    expect(names.sort()).toEqual(["CLICK_HASH_SALT", "SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL"]);
  });

  test("the message lists each variable on its own line", () => {
    expect(() => parseEnv({ ...valid, SHOPIFY_API_KEY: undefined })).toThrow(/cannot start[\s\S]*- SHOPIFY_API_KEY is required/);
  });
});

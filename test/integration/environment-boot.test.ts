import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAppUntilExit, testAppEnv } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";

describe("the server at boot", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  test("a missing and a malformed variable stop it with a message naming each", async () => {
    const env = testAppEnv(database.url, { SHOPIFY_API_SECRET: undefined, SHOPIFY_APP_URL: "not a url" });
    const { code, output } = await runAppUntilExit(env);
    expect(code).toBe(1);
    expect(output).toContain("SHOPIFY_API_SECRET is required");
    expect(output).toContain("SHOPIFY_APP_URL must be the app's public http(s) URL");
    expect(output).not.toContain("listening");
  });

  test("a database URL of an unknown kind stops it", async () => {
    const { code, output } = await runAppUntilExit(testAppEnv("mysql://localhost/x"));
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL");
  });
});

// Points the app's database seam at a fresh test database before any model module is loaded, so that
// model functions can be called in-process (the HTTP tests cover the routes around them).
import { testAppEnv } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";

export async function useModelDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  Object.assign(process.env, testAppEnv(database.url), { NODE_ENV: "test" });
  return database;
}

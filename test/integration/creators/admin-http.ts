// Talking to the built app's admin routes as App Bridge does: a bearer session token, and Remix's
// `_data` parameter so that loaders and actions answer JSON (redirects come back as X-Remix-Redirect).
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { storeOfflineSession } from "../../support/sessions";
import { adminRequest } from "../../support/session-token";

export type AdminApp = { app: AppProcess; database: TestDatabase; stop(): Promise<void> };

/** A server on a fresh database with installed shops whose facts are already known (no Admin API call needed). */
export async function startAdminApp(shops: ReadonlyArray<{ shop: string; currencyCode?: string; ianaTimezone?: string }>): Promise<AdminApp> {
  const database = await createTestDatabase();
  for (const { shop, currencyCode = "EUR", ianaTimezone = "Europe/Paris" } of shops) {
    await storeOfflineSession(database.client, shop);
    await database.client.shop.create({ data: { shop, currencyCode, ianaTimezone, primaryDomain: `${shop.split(".")[0]}.example` } });
  }
  const app = await startAppProcess(testAppEnv(database.url));
  return {
    app,
    database,
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}

function withData(path: string, routeId: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
}

/** A loader's JSON (or its error status) for a shop. */
export async function loaderData(app: AppProcess, shop: string, path: string, routeId: string): Promise<{ status: number; body: unknown }> {
  const response = await adminRequest(app.url, withData(path, routeId), shop);
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

/** Posts a form to a route's action for a shop: status, JSON body, and the redirect target if any. */
export async function postAction(
  app: AppProcess,
  shop: string,
  path: string,
  routeId: string,
  form: Array<[string, string]> | FormData,
): Promise<{ status: number; body: unknown; redirect: string | null }> {
  const init: RequestInit =
    form instanceof FormData
      ? { method: "POST", body: form }
      : { method: "POST", body: new URLSearchParams(form), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  const response = await adminRequest(app.url, withData(path, routeId), shop, init);
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
    redirect: response.headers.get("x-remix-redirect"),
  };
}

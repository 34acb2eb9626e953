import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaSessionStorage } from "../../app/models/session-storage.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The contract Shopify's session storages are tested against, on the real SQLite database.
describe("PrismaSessionStorage", () => {
  let database: TestDatabase;
  let storage: PrismaSessionStorage;
  beforeAll(async () => {
    database = await createTestDatabase();
    storage = new PrismaSessionStorage(database.client);
  });
  afterAll(() => database.drop());

  const offline = () =>
    new Session({ id: "offline_a.myshopify.com", shop: "a.myshopify.com", state: "s1", isOnline: false, scope: "read_orders", accessToken: "tok-1" });
  const online = () => {
    const session = new Session({
      id: "a.myshopify.com_42",
      shop: "a.myshopify.com",
      state: "s2",
      isOnline: true,
      scope: "read_orders,write_discounts",
      expires: new Date("2030-01-01T00:00:00Z"),
      accessToken: "tok-2",
      refreshToken: "ref-2",
      refreshTokenExpires: new Date("2030-02-01T00:00:00Z"),
    });
    session.onlineAccessInfo = {
      expires_in: 3600,
      associated_user_scope: "read_orders",
      associated_user: { id: 42, first_name: "Ana", last_name: "Lima", email: "ana@example.com", email_verified: true, account_owner: false, locale: "fr", collaborator: true },
    };
    return session;
  };

  test("an offline session round-trips", async () => {
    await storage.storeSession(offline());
    const loaded = await storage.loadSession("offline_a.myshopify.com");
    expect(loaded?.toObject()).toEqual(offline().toObject());
  });

  test("an online session keeps its user, expiry and refresh token", async () => {
    await storage.storeSession(online());
    const loaded = await storage.loadSession("a.myshopify.com_42");
    expect(loaded?.isOnline).toBe(true);
    expect(loaded?.expires?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(loaded?.refreshToken).toBe("ref-2");
    expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({ id: 42, locale: "fr", collaborator: true, email_verified: true });
    expect(loaded?.isActive("read_orders,write_discounts")).toBe(true);
  });

  test("storing again updates in place", async () => {
    const session = offline();
    session.accessToken = "tok-rotated";
    await storage.storeSession(session);
    expect((await storage.loadSession(session.id))?.accessToken).toBe("tok-rotated");
  });

  test("a missing id loads as undefined", async () => {
    expect(await storage.loadSession("nope")).toBeUndefined();
  });

  test("sessions are found by shop and only that shop", async () => {
    await storage.storeSession(new Session({ id: "offline_b.myshopify.com", shop: "b.myshopify.com", state: "x", isOnline: false, accessToken: "b" }));
    const ids = (await storage.findSessionsByShop("a.myshopify.com")).map((s) => s.id).sort();
    expect(ids).toEqual(["a.myshopify.com_42", "offline_a.myshopify.com"]);
  });

  test("delete one, then many (missing ids are fine)", async () => {
    expect(await storage.deleteSession("a.myshopify.com_42")).toBe(true);
    expect(await storage.loadSession("a.myshopify.com_42")).toBeUndefined();
    expect(await storage.deleteSessions(["offline_a.myshopify.com", "offline_b.myshopify.com", "ghost"])).toBe(true);
    expect(await database.client.session.count()).toBe(0);
  });
});

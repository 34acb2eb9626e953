// The admin resource routes of codes and links, against the built app with Admin API calls routed to the stand-in:
// what staff do (add creators, see codes and links, pause, delete, replace, change the landing page, QR codes),
// what is refused (pages off the shop: 422), and another shop's ids (404, nothing changed).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import type { TestDatabase } from "../../support/database";
import { createTestDatabase } from "./in-process";
import { storeOfflineSession } from "../../support/sessions";
import { adminRequest } from "../../support/session-token";
import { startShopifyStandIn, type ShopifyStandIn } from "../../support/shopify-stand-in";

const SHOP = "routes-test.myshopify.com";
const OTHER_SHOP = "elsewhere.myshopify.com";
const STOREFRONT = "shop.routes-test.example";

let database: TestDatabase;
let standIn: ShopifyStandIn;
let app: AppProcess;
let campaignId: string;
let creatorIds: string[];
let other: { campaignId: string; creatorId: string; codeId: string; linkId: string };

async function arrangeCampaign(shop: string, handles: string[]) {
  const c = database.client;
  const campaign = await c.campaign.create({
    data: { shop, name: "Summer Linen", slug: "summer-linen", discountValue: 15, startsAt: new Date("2026-06-01T00:00:00Z") },
  });
  const creators = [];
  for (const handle of handles) {
    creators.push(
      await c.creator.create({
        data: { shop, name: `${handle} Example`, handle, handleKey: handle.toLowerCase(), platforms: { create: [{ shop, platform: "instagram", followers: 40_000 }] } },
      }),
    );
  }
  return { campaign, creators };
}

beforeAll(async () => {
  database = await createTestDatabase();
  standIn = await startShopifyStandIn();
  standIn.state.seedShop(SHOP, { primaryDomainHost: STOREFRONT, currencyCode: "EUR", ianaTimezone: "Europe/Paris" });
  await database.client.shop.create({ data: { shop: SHOP, currencyCode: "EUR", ianaTimezone: "Europe/Paris", primaryDomain: STOREFRONT } });
  await storeOfflineSession(database.client, SHOP, { accessToken: standIn.accessTokenFor(SHOP) });
  const mine = await arrangeCampaign(SHOP, ["Emma", "Lina", "Noor"]);
  campaignId = mine.campaign.id;
  creatorIds = mine.creators.map((c) => c.id);

  // Another shop's campaign, creator, code and link: ours must never reach them.
  await database.client.shop.create({ data: { shop: OTHER_SHOP, primaryDomain: "elsewhere.example" } });
  const theirs = await arrangeCampaign(OTHER_SHOP, ["Zoe"]);
  const collaboration = await database.client.collaboration.create({ data: { shop: OTHER_SHOP, campaignId: theirs.campaign.id, creatorId: theirs.creators[0]!.id } });
  const code = await database.client.discountCode.create({
    data: {
      shop: OTHER_SHOP,
      collaborationId: collaboration.id,
      creatorId: theirs.creators[0]!.id,
      campaignId: theirs.campaign.id,
      code: "ZOE15",
      codeKey: "ZOE15",
      shopifyDiscountId: "gid://shopify/DiscountCodeNode/42",
      valueType: "percentage",
      value: 15,
    },
  });
  const link = await database.client.trackedLink.create({
    data: {
      shop: OTHER_SHOP,
      collaborationId: collaboration.id,
      creatorId: theirs.creators[0]!.id,
      campaignId: theirs.campaign.id,
      slug: "Zz9Yy8Xx",
      destinationPath: "/pages/zoe",
      utmSource: "instagram",
      utmMedium: "influencer",
      utmCampaign: "summer-linen",
      utmContent: "zoe",
    },
  });
  other = { campaignId: theirs.campaign.id, creatorId: theirs.creators[0]!.id, codeId: code.id, linkId: link.id };
  app = await startAppProcess(testAppEnv(database.url, { SHOPIFY_STAND_IN_URL: standIn.url }));
});
afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(app?.output());
  await app?.stop();
  await standIn?.close();
  await database?.drop();
});

const post = (path: string, body: unknown) =>
  adminRequest(app.url, path, SHOP, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const get = (path: string) => adminRequest(app.url, path, SHOP);

type Row = {
  creator: { id: string; handle: string };
  codes: Array<{ id: string; code: string; state: string; discountUrl: string | null }>;
  link: { id: string; slug: string; destinationPath: string; shortUrl: string; targetUrl: string | null } | null;
};

async function rows(): Promise<Row[]> {
  const response = await get(`/app/campaigns/${campaignId}/creators`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: Row[] }).rows;
}

async function rowOf(handle: string): Promise<Row> {
  const row = (await rows()).find((r) => r.creator.handle === handle);
  if (!row) throw new Error(`No row for ${handle}`);
  return row;
}

/** A snapshot of everything these routes could change, to prove a refused request changed nothing. */
async function snapshot() {
  const c = database.client;
  return JSON.stringify([
    await c.collaboration.findMany({ orderBy: { id: "asc" } }),
    await c.discountCode.findMany({ orderBy: { id: "asc" } }),
    await c.trackedLink.findMany({ orderBy: { id: "asc" } }),
    [...standIn.state.shop(SHOP).discounts.values()],
  ]);
}

describe("adding creators and managing their codes", () => {
  test("adding two creators creates their codes in Shopify and lists codes, discount URLs and short links", async () => {
    const response = await post(`/app/campaigns/${campaignId}/creators`, { creatorIds: creatorIds.slice(0, 2), destinationPath: "/collections/summer" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { ok: boolean; result: Array<{ ok: boolean; code?: string }> };
    expect(answer.ok).toBe(true);
    expect(answer.result.map((r) => r.code)).toEqual(["EMMA15", "LINA15"]);
    // Created concurrently: Shopify sees them in either order.
    expect([...standIn.state.shop(SHOP).discounts.values()].map((d) => d.code).sort()).toEqual(["EMMA15", "LINA15"]);

    const emma = await rowOf("Emma");
    expect(emma.codes).toEqual([
      expect.objectContaining({
        code: "EMMA15",
        state: "active",
        discountUrl:
          `https://${STOREFRONT}/discount/EMMA15?redirect=` +
          encodeURIComponent("/collections/summer?utm_source=instagram&utm_medium=influencer&utm_campaign=summer-linen&utm_content=emma"),
      }),
    ]);
    expect(emma.link?.shortUrl).toBe(`https://${STOREFRONT}/apps/creator-roi/${emma.link?.slug}`);
    expect(emma.link?.targetUrl).toBe(emma.codes[0]?.discountUrl);
  });

  test("a code staff typed for one creator is used; Shopify's refusal of another is shown in Shopify's words", async () => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "user_error", code: "INVALID", message: "Usage limit is over the plan's maximum" });
    const refused = (await (await post(`/app/campaigns/${campaignId}/creators`, { creatorIds: [creatorIds[2]] })).json()) as {
      result: Array<{ ok: boolean; reason?: string; detail?: string }>;
    };
    expect(refused.result).toEqual([expect.objectContaining({ ok: false, reason: "shopify_refused", detail: "Usage limit is over the plan's maximum" })]);
    expect((await rowOf("Noor")).codes).toEqual([]);

    const typed = (await (await post(`/app/campaigns/${campaignId}/creators`, { creatorIds: [creatorIds[2]], code: "noor-summer" })).json()) as {
      result: Array<{ ok: boolean; code?: string }>;
    };
    expect(typed.result).toEqual([expect.objectContaining({ ok: true, code: "NOOR-SUMMER" })]);
  });

  test("a typed code for several creators at once is refused with 422", async () => {
    const response = await post(`/app/campaigns/${campaignId}/creators`, { creatorIds: creatorIds.slice(0, 2), code: "SAME" });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe("invalid_code");
  });

  test("pause, resume, replace and delete act in Shopify and here", async () => {
    const code = (await rowOf("Lina")).codes[0]!;
    const discounts = () => [...standIn.state.shop(SHOP).discounts.values()];

    expect((await post(`/app/codes/${code.id}`, { intent: "deactivate" })).status).toBe(200);
    expect(discounts().find((d) => d.code === "LINA15")?.status).toBe("EXPIRED");
    expect((await rowOf("Lina")).codes[0]?.state).toBe("inactive");
    // A paused code: the short link still lands on the shop, without the discount.
    expect((await rowOf("Lina")).link?.targetUrl).toBe(
      `https://${STOREFRONT}/collections/summer?utm_source=instagram&utm_medium=influencer&utm_campaign=summer-linen&utm_content=lina`,
    );

    expect((await post(`/app/codes/${code.id}`, { intent: "reactivate" })).status).toBe(200);
    expect(discounts().find((d) => d.code === "LINA15")?.status).toBe("ACTIVE");

    const replaced = await post(`/app/codes/${code.id}`, { intent: "replace", code: "LINA-SUMMER" });
    expect(replaced.status).toBe(200);
    expect((await rowOf("Lina")).codes.map((c) => c.code)).toEqual(["LINA-SUMMER"]);
    expect(discounts().map((d) => d.code)).not.toContain("LINA15");

    const current = (await rowOf("Lina")).codes[0]!;
    expect((await post(`/app/codes/${current.id}`, { intent: "delete" })).status).toBe(200);
    expect((await rowOf("Lina")).codes).toEqual([]);
    expect(discounts().map((d) => d.code)).not.toContain("LINA-SUMMER");
    expect(await database.client.discountCode.count({ where: { shop: SHOP, code: "LINA-SUMMER", state: "deleted" } })).toBe(1);
  });

  test("an invalid replacement code is refused with 422 and nothing changes", async () => {
    const code = (await rowOf("Emma")).codes[0]!;
    const before = await snapshot();
    const response = await post(`/app/codes/${code.id}`, { intent: "replace", code: "NOT VALID!" });
    expect(response.status).toBe(422);
    expect(await snapshot()).toBe(before);
  });

  test("a malformed command is a 400", async () => {
    const code = (await rowOf("Emma")).codes[0]!;
    expect((await post(`/app/codes/${code.id}`, { intent: "explode" })).status).toBe(400);
  });

  test("the QR code of a short link comes as SVG and PNG", async () => {
    const link = (await rowOf("Emma")).link!;
    const svg = await get(`/app/links/${link.id}/qr?format=svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<svg");
    const png = await get(`/app/links/${link.id}/qr?format=png`);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await get(`/app/links/${link.id}/qr?format=gif`)).status).toBe(400);
  });

  test("staff can point a link at another page of the shop", async () => {
    const link = (await rowOf("Emma")).link!;
    const response = await post(`/app/links/${link.id}`, { destinationPath: "/products/linen-shirt?variant=2" });
    expect(response.status).toBe(200);
    expect((await rowOf("Emma")).link?.destinationPath).toBe("/products/linen-shirt?variant=2");
  });
});

// Every way a destination staff type could leave the shop.
const OFF_SHOP: Array<[string, string]> = [
  ["an absolute URL", "https://evil.example"],
  ["an upper-case scheme", "HTTPS://EVIL.EXAMPLE"],
  ["a protocol-relative URL", "//evil.example"],
  ["three slashes", "///evil.example"],
  ["a space before //", " //evil.example"],
  ["a backslash", "/\\evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["an encoded backslash", "/%5Cevil.example"],
  ["encoded slashes", "/%2F%2Fevil.example"],
  ["double-encoded slashes", "/%252F%252Fevil.example"],
  ["javascript:", "javascript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["scheme without slashes", "https:evil.example"],
  ["a bare host", "evil.example"],
  ["dot segments", "/x/../../evil"],
  ["userinfo", "/@evil.example"],
  ["a fragment", "/a#@evil.example"],
  ["a tab", "/\tevil"],
  ["CRLF", "/%0d%0aSet-Cookie:x=1"],
  ["a bidi override", "/%E2%80%AEevil"],
  ["a fullwidth slash", "/\uFF0Fevil.example"],
  ["a division slash", "/\u2215evil.example"],
];

describe("landing pages that leave the shop are refused with 422", () => {
  test.each(OFF_SHOP)("changing a link's page to %s", async (_label, path) => {
    const link = (await rowOf("Emma")).link!;
    const before = await snapshot();
    const response = await post(`/app/links/${link.id}`, { destinationPath: path });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe("invalid_destination");
    expect(await snapshot()).toBe(before);
  });

  test.each(OFF_SHOP)("adding creators with %s as the landing page", async (_label, path) => {
    const before = await snapshot();
    const response = await post(`/app/campaigns/${campaignId}/creators`, { creatorIds: [creatorIds[2]], destinationPath: path });
    expect(response.status).toBe(422);
    expect(await snapshot()).toBe(before);
  });
});

describe("another shop's ids are 404 and change nothing", () => {
  const probes: Array<[string, () => Promise<Response>]> = [
    ["the creators list of its campaign", () => get(`/app/campaigns/${other.campaignId}/creators`)],
    ["adding one of our creators to its campaign", () => post(`/app/campaigns/${other.campaignId}/creators`, { creatorIds: [creatorIds[0]] })],
    ["adding its creator to our campaign", () => post(`/app/campaigns/${campaignId}/creators`, { creatorIds: [other.creatorId] })],
    ["pausing its code", () => post(`/app/codes/${other.codeId}`, { intent: "deactivate" })],
    ["resuming its code", () => post(`/app/codes/${other.codeId}`, { intent: "reactivate" })],
    ["deleting its code", () => post(`/app/codes/${other.codeId}`, { intent: "delete" })],
    ["replacing its code", () => post(`/app/codes/${other.codeId}`, { intent: "replace", code: "MINE" })],
    ["replacing its code with an invalid one", () => post(`/app/codes/${other.codeId}`, { intent: "replace", code: "NOT VALID!" })],
    ["changing its link's page", () => post(`/app/links/${other.linkId}`, { destinationPath: "/pages/mine" })],
    ["changing its link's page to an unsafe one", () => post(`/app/links/${other.linkId}`, { destinationPath: "//evil.example" })],
    ["the QR code of its link", () => get(`/app/links/${other.linkId}/qr?format=svg`)],
    ["an id that exists nowhere", () => post(`/app/codes/does-not-exist`, { intent: "delete" })],
  ];

  test.each(probes)("%s", async (_label, probe) => {
    const before = await snapshot();
    const theirs = JSON.stringify(await database.client.discountCode.findMany({ where: { shop: OTHER_SHOP } }));
    const requests = standIn.requests.length;
    const response = await probe();
    expect(response.status).toBe(404);
    expect(await snapshot()).toBe(before);
    expect(JSON.stringify(await database.client.discountCode.findMany({ where: { shop: OTHER_SHOP } }))).toBe(theirs);
    expect(standIn.requests.length).toBe(requests);
  });
});

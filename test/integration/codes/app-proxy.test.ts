// The short link through Shopify's app proxy, against the built app: signatures, open redirects, rate limit, and
// what a click records (never the IP).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startAppProcess, testAppEnv, type AppProcess } from "../../support/app-process";
import { appProxyParams, appProxySignature, appProxyUrl, fetchThroughProxy, queryString, type ProxyParams } from "../../support/app-proxy-request";
import type { TestDatabase } from "../../support/database";
import { createTestDatabase } from "./in-process";

const SHOP = "proxy-test.myshopify.com";
const OTHER_SHOP = "other-proxy.myshopify.com";
const STOREFRONT = "shop.proxy-test.example";
const SLUG = "Ab3dE6gH";
const RATE = 20;
const EXPECTED_LOCATION =
  `https://${STOREFRONT}/discount/EMMA15?redirect=` +
  encodeURIComponent("/collections/summer?utm_source=tiktok&utm_medium=influencer&utm_campaign=summer-linen&utm_content=emma");

let database: TestDatabase;
let app: AppProcess;
let link: { id: string };
let ipCounter = 0;
/** A fresh shopper address per request, so the rate limit only bites where a test wants it to. */
const nextIp = () => `198.51.100.${(ipCounter += 1)}`;

async function arrange(shop: string, slug: string, primaryDomain: string | null) {
  const c = database.client;
  await c.shop.create({ data: { shop, currencyCode: "EUR", ianaTimezone: "Europe/Paris", primaryDomain } });
  const campaign = await c.campaign.create({ data: { shop, name: "Summer Linen", slug: "summer-linen" } });
  const creator = await c.creator.create({ data: { shop, name: "Emma", handle: "Emma", handleKey: "emma" } });
  const collaboration = await c.collaboration.create({ data: { shop, campaignId: campaign.id, creatorId: creator.id } });
  await c.discountCode.create({
    data: {
      shop,
      collaborationId: collaboration.id,
      creatorId: creator.id,
      campaignId: campaign.id,
      code: "EMMA15",
      codeKey: "EMMA15",
      shopifyDiscountId: "gid://shopify/DiscountCodeNode/1",
      valueType: "percentage",
      value: 15,
    },
  });
  return c.trackedLink.create({
    data: {
      shop,
      collaborationId: collaboration.id,
      creatorId: creator.id,
      campaignId: campaign.id,
      slug,
      destinationPath: "/collections/summer",
      utmSource: "tiktok",
      utmMedium: "influencer",
      utmCampaign: "summer-linen",
      utmContent: "emma",
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  link = await arrange(SHOP, SLUG, STOREFRONT);
  await arrange(OTHER_SHOP, "Zz9Yy8Xx", "other.example");
  app = await startAppProcess(testAppEnv(database.url, { LINK_CLICKS_PER_MINUTE_PER_IP: String(RATE) }));
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const clicks = () => database.client.click.count();
const clickCount = async () => (await database.client.trackedLink.findUniqueOrThrow({ where: { id: link.id } })).clickCount;

function signedUrl(path: string, extra: ProxyParams = [], options: { shop?: string; timestamp?: number; secret?: string } = {}): string {
  return appProxyUrl(app.url, path, { shop: options.shop ?? SHOP, extra, ...(options.timestamp ? { timestamp: options.timestamp } : {}), ...(options.secret ? { secret: options.secret } : {}) });
}

function rawUrl(path: string, params: ProxyParams): string {
  return `${app.url}/proxy/${path}?${queryString(params)}`;
}

describe("the app proxy signature", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const signed = () => appProxyParams({ shop: SHOP });
  const without = (params: ProxyParams, key: string) => params.filter(([k]) => k !== key);
  const withSignature = (params: ProxyParams, signature: string): ProxyParams => [...without(params, "signature"), ["signature", signature]];

  const refused: Array<[string, () => string]> = [
    ["a missing signature", () => rawUrl(SLUG, without(signed(), "signature"))],
    ["an empty signature", () => rawUrl(SLUG, withSignature(signed(), ""))],
    ["no query at all", () => `${app.url}/proxy/${SLUG}`],
    [
      "a wrong signature (one hex digit changed)",
      () => {
        const params = signed();
        const signature = params.find(([k]) => k === "signature")![1];
        return rawUrl(SLUG, withSignature(params, (signature[0] === "a" ? "b" : "a") + signature.slice(1)));
      },
    ],
    ["a signature made with another app's secret", () => signedUrl(SLUG, [], { secret: "another-apps-secret-0123456789" })],
    ["a stale timestamp (10 minutes old), correctly signed", () => signedUrl(SLUG, [], { timestamp: now() - 600 })],
    ["a timestamp from the future (10 minutes ahead), correctly signed", () => signedUrl(SLUG, [], { timestamp: now() + 600 })],
    ["a duplicated shop parameter appended after signing", () => rawUrl(SLUG, [...signed(), ["shop", OTHER_SHOP]])],
    [
      "a duplicated signature parameter",
      () => {
        const params = signed();
        return rawUrl(SLUG, [...params, ["signature", "0".repeat(64)]]);
      },
    ],
    ["a tampered shop value", () => rawUrl(SLUG, signed().map(([k, v]): [string, string] => [k, k === "shop" ? OTHER_SHOP : v]))],
    ["a tampered timestamp value", () => rawUrl(SLUG, signed().map(([k, v]): [string, string] => [k, k === "timestamp" ? String(Number(v) + 1) : v]))],
    ["an unsigned parameter added after signing", () => rawUrl(SLUG, [["redirect", "https://evil.example"], ...signed()])],
    [
      "a signature over a non-numeric timestamp",
      () => {
        const params: ProxyParams = [["shop", SHOP], ["logged_in_customer_id", ""], ["path_prefix", "/apps/creator-roi"], ["timestamp", "soon"]];
        return rawUrl(SLUG, [...params, ["signature", appProxySignature(params)]]);
      },
    ],
  ];

  test.each(refused)("%s is refused with 401 and nothing is recorded", async (_label, url) => {
    const before = await clicks();
    const response = await fetchThroughProxy(url(), { ip: nextIp() });
    expect(response.status).toBe(401);
    expect(response.headers.get("location")).toBeNull();
    expect(await clicks()).toBe(before);
  });

  test("the same signed parameters in another order are accepted", async () => {
    const params = appProxyParams({ shop: SHOP, extra: [["ref", "story"]] });
    const reordered = [...params].reverse();
    const response = await fetchThroughProxy(rawUrl(SLUG, reordered), { ip: nextIp() });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(EXPECTED_LOCATION);
  });

  test("a repeated shopper parameter is signed as Shopify does (values joined by a comma) and accepted", async () => {
    const response = await fetchThroughProxy(signedUrl(SLUG, [["tag", "a"], ["tag", "b"]]), { ip: nextIp() });
    expect(response.status).toBe(302);
  });
});

describe("a click", () => {
  test("is recorded without the IP, counted, and redirected to the shop's discount URL", async () => {
    const ip = nextIp();
    const before = await clickCount();
    const response = await fetchThroughProxy(signedUrl(SLUG), { ip, referrer: "https://l.instagram.com/?u=https%3A%2F%2Fx&e=someone%40mail.example" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(EXPECTED_LOCATION);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await clickCount()).toBe(before + 1);
    const click = await database.client.click.findFirstOrThrow({ where: { linkId: link.id }, orderBy: { at: "desc" } });
    expect(click).toMatchObject({ shop: SHOP, isBot: false, referrer: "https://l.instagram.com/" });
    expect(click.visitorHash).toMatch(/^[0-9a-f]{64}$/);
    // Nowhere in the database: not in the click, not in the rate limit counters.
    const everything = JSON.stringify([await database.client.click.findMany(), await database.client.rateLimit.findMany()]);
    expect(everything).not.toContain(ip);
  });

  test("from a link-preview bot is kept, flagged, and not counted", async () => {
    const before = await clickCount();
    const response = await fetchThroughProxy(signedUrl(SLUG), { ip: nextIp(), userAgent: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" });
    expect(response.status).toBe(302);
    expect(await clickCount()).toBe(before);
    expect(await database.client.click.findFirstOrThrow({ orderBy: { at: "desc" } })).toMatchObject({ isBot: true });
  });

  test("on an unknown slug gets a 404 page, not a redirect, and records nothing", async () => {
    const before = await clicks();
    const response = await fetchThroughProxy(signedUrl("Qq1Ww2Ee"), { ip: nextIp(), acceptLanguage: "fr-FR,fr;q=0.9" });
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Lien introuvable");
    expect(await clicks()).toBe(before);
  });

  test("on another shop's slug is a 404 for this shop", async () => {
    const response = await fetchThroughProxy(signedUrl("Zz9Yy8Xx"), { ip: nextIp() });
    expect(response.status).toBe(404);
  });
});

describe("open redirects through the proxy request", () => {
  const extraParams: Array<[string, ProxyParams]> = [
    ["redirect=https://evil.example", [["redirect", "https://evil.example"]]],
    ["redirect=//evil.example", [["redirect", "//evil.example"]]],
    ["redirect=/\\evil.example", [["redirect", "/\\evil.example"]]],
    ["redirect=%2F%2Fevil.example (double-encoded)", [["redirect", "%2F%2Fevil.example"]]],
    ["redirect=javascript:alert(1)", [["redirect", "javascript:alert(1)"]]],
    ["return_to=https://evil.example", [["return_to", "https://evil.example"]]],
    ["return_url=//evil.example/path", [["return_url", "//evil.example/path"]]],
    ["next=https:evil.example", [["next", "https:evil.example"]]],
    ["url=https://evil.example@shop", [["url", `https://evil.example@${STOREFRONT}`]]],
    ["destination=https://evil.example", [["destination", "https://evil.example"]]],
    ["checkout_url=https://evil.example/checkout", [["checkout_url", "https://evil.example/checkout"]]],
    ["host=evil.example", [["host", "evil.example"]]],
    ["shop_domain=evil.example", [["shop_domain", "evil.example"]]],
    ["two redirect parameters", [["redirect", "/ok"], ["redirect", "https://evil.example"]]],
    ["a CRLF header injection attempt", [["redirect", "/x\r\nLocation: https://evil.example"]]],
    ["utm_content overriding the link's", [["utm_content", "https://evil.example"]]],
  ];

  test.each(extraParams)("a signed shopper parameter %s never changes the Location", async (_label, extra) => {
    const response = await fetchThroughProxy(signedUrl(SLUG, extra), { ip: nextIp() });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(EXPECTED_LOCATION);
  });

  const paths: Array<[string, string]> = [
    ["an extra path segment with a URL", `${SLUG}/https://evil.example`],
    ["an encoded // after the slug", `${SLUG}%2F%2Fevil.example`],
    ["an encoded // as the slug", "%2F%2Fevil.example"],
    ["a protocol-relative slug", "%2F%5Cevil.example"],
    ["dot segments", "..%2F..%2Fevil.example"],
    ["userinfo in the slug", `${SLUG}@evil.example`],
    ["CRLF in the slug", `${SLUG}%0d%0aLocation:%20https://evil.example`],
    ["a full URL as the slug", encodeURIComponent("https://evil.example")],
    ["a lookalike slash", `${SLUG}%EF%BC%8Fevil.example`],
    ["a slug padded with spaces", `%20${SLUG}%20`],
  ];

  test.each(paths)("%s is never redirected anywhere but the shop", async (_label, path) => {
    const response = await fetchThroughProxy(signedUrl(path), { ip: nextIp() });
    const location = response.headers.get("location");
    expect([302, 404]).toContain(response.status);
    if (location !== null) expect(location.startsWith(`https://${STOREFRONT}/discount/`)).toBe(true);
  });

  test("forwarded host headers do not change the Location", async () => {
    const response = await fetch(signedUrl(SLUG), {
      redirect: "manual",
      headers: { "X-Forwarded-For": nextIp(), "X-Forwarded-Host": "evil.example", Forwarded: "host=evil.example", "User-Agent": "Mozilla/5.0" },
    });
    expect(response.headers.get("location")).toBe(EXPECTED_LOCATION);
  });
});

describe("rate limit", () => {
  beforeEach(async () => {
    await database.client.rateLimit.deleteMany();
  });

  test(`one IP gets ${RATE} clicks a minute; the next is refused with 429 and not recorded`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < RATE; i += 1) {
      const response = await fetchThroughProxy(signedUrl(SLUG), { ip });
      expect(response.status).toBe(302);
    }
    const before = await clicks();
    const refused = await fetchThroughProxy(signedUrl(SLUG), { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("location")).toBeNull();
    expect(await clicks()).toBe(before);
    // Another shopper is not affected.
    expect((await fetchThroughProxy(signedUrl(SLUG), { ip: nextIp() })).status).toBe(302);
  });
});

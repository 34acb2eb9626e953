// Creating a creator's code and link against the Shopify stand-in: the happy path, every kind of refusal and failure,
// and the half-state cases where our database fails after Shopify has created the discount.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CODE_TAKEN_MESSAGE } from "../../support/shopify-stand-in";
import { arrangeShop, dropTrigger, failDiscountCodeInserts, SHOP, STOREFRONT, startInProcess, type InProcess } from "./in-process";

type Provision = typeof import("../../../app/services/provision-creator-code.server");
type Errors = typeof import("../../../app/services/code-operation-error.server");
type Repair = typeof import("../../../app/jobs/repair-discount-codes.server");

let env: InProcess;
let provision: Provision;
let errors: Errors;
let repair: Repair;

beforeAll(async () => {
  env = await startInProcess();
  provision = await import("../../../app/services/provision-creator-code.server");
  errors = await import("../../../app/services/code-operation-error.server");
  repair = await import("../../../app/jobs/repair-discount-codes.server");
});
afterAll(() => env?.close());

beforeEach(async () => {
  env.standIn.reset();
  const c = env.database.client;
  for (const trigger of ["fail_code_insert", "fail_all_inserts"]) await dropTrigger(env.database, trigger);
  await c.job.deleteMany();
  await c.click.deleteMany();
  await c.discountCode.deleteMany();
  await c.trackedLink.deleteMany();
  await c.collaboration.deleteMany();
  await c.creatorPlatform.deleteMany();
  await c.creator.deleteMany();
  await c.campaign.deleteMany();
});

async function collaborationFor(options: Parameters<typeof arrangeShop>[2] = {}) {
  const { campaign, creators } = await arrangeShop(env.database, SHOP, options);
  const creator = creators[0]!;
  const collaboration = await env.database.client.collaboration.create({ data: { shop: SHOP, campaignId: campaign.id, creatorId: creator.id } });
  return { campaign, creator, collaboration };
}

async function expectFailure(promise: Promise<unknown>, reason: string): Promise<InstanceType<Errors["CodeOperationError"]>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errors.CodeOperationError);
  const failure = error as InstanceType<Errors["CodeOperationError"]>;
  expect(failure.reason).toBe(reason);
  return failure;
}

const storedCodes = () => env.database.client.discountCode.findMany({ orderBy: { createdAt: "asc" } });
const shopifyDiscounts = () => [...env.standIn.state.shop(SHOP).discounts.values()];
const operations = () => env.standIn.requests.map((r) => r.operationName);

describe("creating a creator's code", () => {
  test("the code comes from the handle and the campaign discount, with the campaign's terms, and a tracked link", async () => {
    const { campaign, creator, collaboration } = await collaborationFor();
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });

    expect(result.created).toBe(true);
    expect(result.code).toMatchObject({ code: "EMMA15", codeKey: "EMMA15", state: "active", valueType: "percentage", value: 15, creatorId: creator.id });
    const [discount] = shopifyDiscounts();
    expect(result.code.shopifyDiscountId).toBe(discount!.id);
    expect(discount!.title).toBe("Creator ROI · Summer Linen · Emma");
    expect(discount!.input).toMatchObject({
      code: "EMMA15",
      startsAt: "2026-06-01T00:00:00.000Z",
      endsAt: "2099-08-31T22:00:00.000Z",
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "50.00" } },
      appliesOncePerCustomer: true,
      usageLimit: 500,
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
    });
    expect(result.link).toMatchObject({
      collaborationId: collaboration.id,
      destinationPath: "/",
      utmSource: "tiktok",
      utmMedium: "influencer",
      utmCampaign: campaign.slug,
      utmContent: "emma",
      clickCount: 0,
    });
    expect(result.link.slug).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(operations()).toEqual(["FindDiscountByCode", "CreateBasicDiscountCode"]);
  });

  test("asking again returns the same code without calling Shopify", async () => {
    const { collaboration } = await collaborationFor();
    const first = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    env.standIn.reset();
    const again = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    expect(again).toMatchObject({ created: false, code: { id: first.code.id }, link: { id: first.link.id } });
    expect(operations()).toEqual([]);
  });

  test("a fixed amount in a currency: 10.00 EUR off gives EMMA10 and Shopify gets the decimal amount", async () => {
    const { collaboration } = await collaborationFor({ campaign: { discountType: "fixed_amount", discountValue: 1000, minimumOrderMinor: null } });
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    expect(result.code.code).toBe("EMMA10");
    expect(shopifyDiscounts()[0]!.input).toMatchObject({ customerGets: { value: { discountAmount: { amount: "10.00", appliesOnEachItem: false } } } });
    expect(shopifyDiscounts()[0]!.input).not.toHaveProperty("minimumRequirement");
  });

  test("a code staff typed is normalised and used", async () => {
    const { collaboration } = await collaborationFor();
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id, codeText: "  summer_emma " });
    expect(result.code.code).toBe("SUMMER_EMMA");
  });

  test.each([
    ["spaces inside", "EMMA 15"],
    ["an accent", "ÉMMA"],
    ["too long", "A".repeat(33)],
  ])("a typed code with %s is refused before anything is created", async (_label, text) => {
    const { collaboration } = await collaborationFor();
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id, codeText: text }), "invalid_code");
    expect(await storedCodes()).toEqual([]);
    expect(shopifyDiscounts()).toEqual([]);
  });

  test("a code already recorded here (even deleted) is skipped: EMMA15 → EMMA15-2", async () => {
    const { collaboration } = await collaborationFor({ handles: ["Emma", "emma.b"] });
    const other = await env.database.client.creator.findFirstOrThrow({ where: { handle: "emma.b" } });
    await env.database.client.discountCode.create({
      data: { shop: SHOP, collaborationId: collaboration.id, creatorId: other.id, campaignId: collaboration.campaignId, code: "emma15", codeKey: "EMMA15", valueType: "percentage", value: 15, state: "deleted" },
    });
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id, evenIfCodeExists: true });
    expect(result.code.code).toBe("EMMA15-2");
  });

  test("a code that exists in Shopify (made by staff or another app) is skipped without even trying it", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.state.seedDiscount(SHOP, { code: "emma15", title: "Made in the admin" });
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    expect(result.code.code).toBe("EMMA15-2");
    expect(operations()).toEqual(["FindDiscountByCode", "FindDiscountByCode", "CreateBasicDiscountCode"]);
  });

  test("Shopify's TAKEN (taken between our check and the create) moves on to the next candidate", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "user_error", code: "TAKEN", message: CODE_TAKEN_MESSAGE, field: ["basicCodeDiscount", "code"] });
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    expect(result.code.code).toBe("EMMA15-2");
    expect(shopifyDiscounts().map((d) => d.code)).toEqual(["EMMA15-2"]);
    expect((await storedCodes()).map((c) => c.code)).toEqual(["EMMA15-2"]);
  });
});

describe("refusals and failures leave nothing behind", () => {
  test("another user error: nothing stored, and staff see Shopify's own message", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "user_error", code: "INVALID", message: "Starts at must be before ends at", field: ["basicCodeDiscount", "startsAt"] });
    const failure = await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "shopify_refused");
    expect(failure.detail).toBe("Starts at must be before ends at");
    expect(await storedCodes()).toEqual([]);
    expect(shopifyDiscounts()).toEqual([]);
  });

  test("a campaign that ends before it starts is refused before any call", async () => {
    const { collaboration } = await collaborationFor({ campaign: { startsAt: new Date("2026-07-01T00:00:00Z"), endsAt: new Date("2026-06-01T00:00:00Z") } });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "invalid_discount");
    expect(operations()).toEqual([]);
  });

  test("throttled twice, then created: the code exists once in both places", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "throttled", times: 2 });
    const result = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
    expect(result.code.code).toBe("EMMA15");
    expect(operations()).toEqual(["FindDiscountByCode", "CreateBasicDiscountCode", "CreateBasicDiscountCode", "CreateBasicDiscountCode"]);
    expect(shopifyDiscounts()).toHaveLength(1);
    expect(await storedCodes()).toHaveLength(1);
  });

  test("throttled on every try: nothing stored, a clear 'Shopify is busy' error", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "throttled", times: 6 });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "shopify_throttled");
    expect(await storedCodes()).toEqual([]);
    expect(shopifyDiscounts()).toEqual([]);
  });

  test("the network fails before Shopify gets the create: nothing stored anywhere", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "network" });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "shopify_unavailable");
    expect(await storedCodes()).toEqual([]);
    expect(shopifyDiscounts()).toEqual([]);
  });

  test("Shopify created it but the answer was lost: it is found by our title and deleted, nothing stored", async () => {
    const { collaboration } = await collaborationFor();
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "network", afterApply: true });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "shopify_unavailable");
    expect(operations()).toEqual(["FindDiscountByCode", "CreateBasicDiscountCode", "FindDiscountByCode", "DeleteDiscountCode"]);
    expect(shopifyDiscounts()).toEqual([]);
    expect(await storedCodes()).toEqual([]);
  });

  test("answer lost and the look-up fails too: the possible orphan is queued, and the repair job deletes it", async () => {
    const { collaboration } = await collaborationFor();
    // Faults are used in order: the first look-up (is EMMA15 free?) answers normally, the three after the lost
    // create (a query is tried three times) answer 503.
    env.standIn.failNext("FindDiscountByCode", { kind: "delay", ms: 0 });
    for (let i = 0; i < 3; i += 1) env.standIn.failNext("FindDiscountByCode", { kind: "http", status: 503 });
    env.standIn.failNext("CreateBasicDiscountCode", { kind: "network", afterApply: true });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "shopify_unavailable");
    expect(await storedCodes()).toEqual([]);
    expect(shopifyDiscounts()).toHaveLength(1);
    const [job] = await env.database.client.job.findMany();
    expect(JSON.parse(job!.payload)).toEqual({ orphans: [{ code: "EMMA15", discountId: null, title: "Creator ROI · Summer Linen · Emma" }] });

    const outcome = await repair.runRepairDiscountCodesJob(job!, async () => env.admin);
    expect(outcome.orphansRemoved).toBe(1);
    expect(shopifyDiscounts()).toEqual([]);
  });
});

describe("the local write fails after Shopify created the discount (never a half state)", () => {
  test("the discount is deleted from Shopify again and nothing is stored", async () => {
    const { collaboration } = await collaborationFor();
    await failDiscountCodeInserts(env.database, "fail_code_insert", `NEW."code" = 'EMMA15'`);
    const failure = await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "not_saved");
    expect(failure.detail).toContain("removed from Shopify again");
    expect(operations()).toEqual(["FindDiscountByCode", "CreateBasicDiscountCode", "DeleteDiscountCode"]);
    expect(shopifyDiscounts()).toEqual([]);
    expect(await storedCodes()).toEqual([]);
  });

  test("the delete fails too: the row is stored needs_repair, and the repair job re-links it to Shopify's discount", async () => {
    const { collaboration } = await collaborationFor();
    await failDiscountCodeInserts(env.database, "fail_code_insert", `NEW."code" = 'EMMA15' AND NEW."state" <> 'needs_repair'`);
    env.standIn.failNext("DeleteDiscountCode", { kind: "network" });
    const failure = await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "not_saved");
    expect(failure.detail).toContain("repaired automatically");
    const [row] = await storedCodes();
    expect(row).toMatchObject({ code: "EMMA15", state: "needs_repair", shopifyDiscountId: shopifyDiscounts()[0]!.id });
    expect(row!.lastError).toMatch(/^Created in Shopify but not saved here \(.+\); removing it failed \(.*network failure.*\)\.$/);
    const [job] = await env.database.client.job.findMany();
    expect(job).toMatchObject({ name: repair.REPAIR_DISCOUNT_CODES_JOB, shop: SHOP, status: "pending" });

    const outcome = await repair.runRepairDiscountCodesJob(job!, async () => env.admin);
    expect(outcome).toMatchObject({ relinked: 1, deleted: 0, failed: [] });
    expect(await storedCodes()).toMatchObject([{ code: "EMMA15", state: "active", lastError: null }]);
    expect(shopifyDiscounts()).toHaveLength(1);
  });

  test("needs_repair whose discount was removed from Shopify meanwhile: the repair marks it deleted", async () => {
    const { collaboration } = await collaborationFor();
    await failDiscountCodeInserts(env.database, "fail_code_insert", `NEW."code" = 'EMMA15' AND NEW."state" <> 'needs_repair'`);
    env.standIn.failNext("DeleteDiscountCode", { kind: "user_error", code: "INTERNAL_ERROR", message: "Try again later" });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "not_saved");
    env.standIn.state.shop(SHOP).discounts.clear();
    const outcome = await repair.repairDiscountCodes(SHOP, env.admin);
    expect(outcome).toMatchObject({ relinked: 0, deleted: 1 });
    expect(await storedCodes()).toMatchObject([{ code: "EMMA15", state: "deleted" }]);
  });

  test("every write fails: the discount is queued as an orphan and the repair job deletes it from Shopify", async () => {
    const { collaboration } = await collaborationFor();
    await failDiscountCodeInserts(env.database, "fail_all_inserts", "1 = 1");
    env.standIn.failNext("DeleteDiscountCode", { kind: "network" });
    await expectFailure(provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id }), "not_saved");
    expect(await storedCodes()).toEqual([]);
    const discountId = shopifyDiscounts()[0]!.id;
    const [job] = await env.database.client.job.findMany();
    expect(JSON.parse(job!.payload)).toEqual({ orphans: [{ code: "EMMA15", discountId, title: "Creator ROI · Summer Linen · Emma" }] });

    await dropTrigger(env.database, "fail_all_inserts");
    const outcome = await repair.runRepairDiscountCodesJob(job!, async () => env.admin);
    expect(outcome.orphansRemoved).toBe(1);
    expect(shopifyDiscounts()).toEqual([]);
  });

  test("the repair job never deletes a discount that is not provably ours", async () => {
    env.standIn.state.seedDiscount(SHOP, { code: "EMMA15", title: "Made in the admin" });
    const removed = await repair.removeOrphanDiscount(SHOP, env.admin, { code: "EMMA15", discountId: null, title: "Creator ROI · Summer Linen · Emma" });
    expect(removed).toBe(false);
    expect(shopifyDiscounts()).toHaveLength(1);
  });
});

describe("storefront domain", () => {
  test("the short link and the discount URL use the shop's primary domain", async () => {
    const { storefrontDomain, shortLinkUrl } = await import("../../../app/services/link-urls.server");
    expect(storefrontDomain(SHOP, STOREFRONT)).toBe(STOREFRONT);
    expect(storefrontDomain(SHOP, null)).toBe(SHOP);
    expect(storefrontDomain(SHOP, "https://evil.example/")).toBe(SHOP);
    expect(shortLinkUrl(STOREFRONT, "Ab3dE6gH")).toBe(`https://${STOREFRONT}/apps/creator-roi/Ab3dE6gH`);
  });
});

describe("small rules of provisioning and clicks", () => {
  test.each([
    ["the largest audience wins", [{ platform: "instagram", followers: 12_000 }, { platform: "tiktok", followers: 85_000 }], "tiktok"],
    ["a tie goes to the platform listed first", [{ platform: "youtube", followers: 5_000 }, { platform: "instagram", followers: 5_000 }], "instagram"],
    ["an unknown platform name is ignored", [{ platform: "myspace", followers: 1_000_000 }, { platform: "blog", followers: 10 }], "blog"],
    ["no platform at all", [], "other"],
  ])("main platform: %s", (_label, platforms, expected) => {
    expect(provision.mainPlatform(platforms)).toBe(expected);
  });

  test.each([
    ["a short campaign name", "Summer", "emma", "Creator ROI · Summer · emma"],
    ["a campaign name too long for Shopify's 255 characters is cut, never the handle", "x".repeat(300), "emma", `Creator ROI · ${"x".repeat(255 - 14 - 7)} · emma`],
  ])("discount title: %s", (_label, campaign, handle, expected) => {
    const title = provision.discountTitle(campaign, handle);
    expect(title).toBe(expected);
    expect(title.length).toBeLessThanOrEqual(255);
  });

  test.each([
    ["query and fragment are dropped (they may hold an e-mail)", "https://l.instagram.com/?u=x&e=a%40b.example#top", "https://l.instagram.com/"],
    ["a path is kept", "https://www.youtube.com/watch?v=abc", "https://www.youtube.com/watch"],
    ["no referrer", null, null],
    ["not a URL", "android-app://com.instagram", null],
    ["garbage", "not a url", null],
  ])("stored referrer: %s", async (_label, referrer, expected) => {
    const { referrerForStorage } = await import("../../../app/services/follow-tracked-link.server");
    expect(referrerForStorage(referrer)).toBe(expected);
  });
});

// Pausing, resuming, deleting and replacing a creator's code in Shopify and here together, against the stand-in,
// including the moments when our own write fails after Shopify has changed.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { arrangeShop, dropTrigger, failDiscountCodeUpdates, OTHER_SHOP, SHOP, startInProcess, type InProcess } from "./in-process";

type Manage = typeof import("../../../app/services/manage-creator-code.server");
type Provision = typeof import("../../../app/services/provision-creator-code.server");
type Errors = typeof import("../../../app/services/code-operation-error.server");
type Repair = typeof import("../../../app/jobs/repair-discount-codes.server");

let env: InProcess;
let manage: Manage;
let provision: Provision;
let errors: Errors;
let repair: Repair;

beforeAll(async () => {
  env = await startInProcess();
  manage = await import("../../../app/services/manage-creator-code.server");
  provision = await import("../../../app/services/provision-creator-code.server");
  errors = await import("../../../app/services/code-operation-error.server");
  repair = await import("../../../app/jobs/repair-discount-codes.server");
});
afterAll(() => env?.close());

beforeEach(async () => {
  env.standIn.reset();
  mark = 0;
  await dropTrigger(env.database, "fail_update");
  const c = env.database.client;
  await c.job.deleteMany();
  await c.discountCode.deleteMany();
  await c.trackedLink.deleteMany();
  await c.collaboration.deleteMany();
  await c.creatorPlatform.deleteMany();
  await c.creator.deleteMany();
  await c.campaign.deleteMany();
});

async function provisioned() {
  const { campaign, creators } = await arrangeShop(env.database, SHOP);
  const collaboration = await env.database.client.collaboration.create({ data: { shop: SHOP, campaignId: campaign.id, creatorId: creators[0]!.id } });
  const { code } = await provision.provisionCreatorCode(SHOP, env.admin, { collaborationId: collaboration.id });
  mark = env.standIn.requests.length;
  return code;
}

const row = (id: string) => env.database.client.discountCode.findUniqueOrThrow({ where: { id } });
const inShopify = (id: string | null) => (id ? env.standIn.state.shop(SHOP).discounts.get(id) : undefined);
/** Requests since `mark`: what the command under test sent. */
let mark = 0;
const operations = () => env.standIn.requests.slice(mark).map((r) => r.operationName);

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errors.CodeOperationError);
  return error as InstanceType<Errors["CodeOperationError"]>;
}

describe("pause, resume and delete change both places", () => {
  test("pausing ends the discount in Shopify (EXPIRED) and marks it inactive here; resuming brings both back", async () => {
    const code = await provisioned();
    const paused = await manage.setCreatorCodeActive(SHOP, env.admin, code.id, false);
    expect(paused.state).toBe("inactive");
    expect(inShopify(code.shopifyDiscountId)?.status).toBe("EXPIRED");

    const resumed = await manage.setCreatorCodeActive(SHOP, env.admin, code.id, true);
    expect(resumed.state).toBe("active");
    expect(inShopify(code.shopifyDiscountId)?.status).toBe("ACTIVE");
    expect(operations()).toEqual(["DeactivateDiscountCode", "ActivateDiscountCode"]);
  });

  test("pausing a paused code calls nothing", async () => {
    const code = await provisioned();
    await manage.setCreatorCodeActive(SHOP, env.admin, code.id, false);
    mark = env.standIn.requests.length;
    await manage.setCreatorCodeActive(SHOP, env.admin, code.id, false);
    expect(operations()).toEqual([]);
  });

  test("deleting removes the discount from Shopify and keeps the row as deleted (old orders stay credited)", async () => {
    const code = await provisioned();
    const deleted = await manage.deleteCreatorCode(SHOP, env.admin, code.id);
    expect(deleted.state).toBe("deleted");
    expect(inShopify(code.shopifyDiscountId)).toBeUndefined();
    expect(await row(code.id)).toMatchObject({ code: "EMMA15", state: "deleted" });
  });

  test("a discount already deleted in the Shopify admin is simply marked deleted here", async () => {
    const code = await provisioned();
    env.standIn.state.shop(SHOP).discounts.clear();
    const deleted = await manage.deleteCreatorCode(SHOP, env.admin, code.id);
    expect(deleted.state).toBe("deleted");
  });

  test("a deleted code cannot be paused or resumed", async () => {
    const code = await provisioned();
    await manage.deleteCreatorCode(SHOP, env.admin, code.id);
    expect((await failure(manage.setCreatorCodeActive(SHOP, env.admin, code.id, true))).reason).toBe("code_deleted");
  });

  test.each([
    ["pause", (id: string) => manage.setCreatorCodeActive(OTHER_SHOP, env.admin, id, false)],
    ["delete", (id: string) => manage.deleteCreatorCode(OTHER_SHOP, env.admin, id)],
    ["replace", (id: string) => manage.replaceCreatorCode(OTHER_SHOP, env.admin, id, "NEWCODE")],
  ])("another shop cannot %s the code: 404, nothing changed anywhere", async (_label, act) => {
    const code = await provisioned();
    const thrown = await act(code.id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    expect(operations()).toEqual([]);
    expect(await row(code.id)).toMatchObject({ state: "active" });
  });
});

describe("Shopify refuses or fails: nothing changes", () => {
  test("Shopify's user error is shown and the row keeps its state", async () => {
    const code = await provisioned();
    env.standIn.failNext("DeactivateDiscountCode", { kind: "user_error", code: "INVALID", message: "Discount cannot be deactivated now" });
    const refused = await failure(manage.setCreatorCodeActive(SHOP, env.admin, code.id, false));
    expect(refused).toMatchObject({ reason: "shopify_refused", detail: "Discount cannot be deactivated now" });
    expect((await row(code.id)).state).toBe("active");
    expect(inShopify(code.shopifyDiscountId)?.status).toBe("ACTIVE");
  });

  test("throttled on every try: nothing changed, a clear error", async () => {
    const code = await provisioned();
    env.standIn.failNext("DeleteDiscountCode", { kind: "throttled", times: 6 });
    expect((await failure(manage.deleteCreatorCode(SHOP, env.admin, code.id))).reason).toBe("shopify_throttled");
    expect((await row(code.id)).state).toBe("active");
    expect(inShopify(code.shopifyDiscountId)).toBeDefined();
  });

  test("the answer to a pause is lost: the row is flagged and the repair job reads Shopify's truth", async () => {
    const code = await provisioned();
    env.standIn.failNext("DeactivateDiscountCode", { kind: "network", afterApply: true });
    expect((await failure(manage.setCreatorCodeActive(SHOP, env.admin, code.id, false))).reason).toBe("shopify_unavailable");
    expect((await row(code.id)).state).toBe("needs_repair");
    await repair.repairDiscountCodes(SHOP, env.admin);
    expect((await row(code.id)).state).toBe("inactive");
  });
});

describe("our write fails after Shopify changed (never a half state)", () => {
  test("pause saved in Shopify but not here: it is resumed in Shopify again", async () => {
    const code = await provisioned();
    await failDiscountCodeUpdates(env.database, "fail_update", `NEW."state" = 'inactive'`);
    const error = await failure(manage.setCreatorCodeActive(SHOP, env.admin, code.id, false));
    expect(error.reason).toBe("not_saved");
    expect(operations()).toEqual(["DeactivateDiscountCode", "ActivateDiscountCode"]);
    expect(inShopify(code.shopifyDiscountId)?.status).toBe("ACTIVE");
    expect((await row(code.id)).state).toBe("active");
  });

  test("and the undo fails: flagged needs_repair, and the repair job records the pause Shopify kept", async () => {
    const code = await provisioned();
    await failDiscountCodeUpdates(env.database, "fail_update", `NEW."state" = 'inactive'`);
    env.standIn.failNext("ActivateDiscountCode", { kind: "network" });
    expect((await failure(manage.setCreatorCodeActive(SHOP, env.admin, code.id, false))).reason).toBe("not_saved");
    expect(await row(code.id)).toMatchObject({ state: "needs_repair" });
    expect(await env.database.client.job.count({ where: { name: repair.REPAIR_DISCOUNT_CODES_JOB } })).toBe(1);

    await dropTrigger(env.database, "fail_update");
    const outcome = await repair.repairDiscountCodes(SHOP, env.admin);
    expect(outcome.relinked).toBe(1);
    expect(await row(code.id)).toMatchObject({ state: "inactive", lastError: null });
  });

  test("delete done in Shopify but not recorded: flagged, then the repair job marks it deleted", async () => {
    const code = await provisioned();
    await failDiscountCodeUpdates(env.database, "fail_update", `NEW."state" = 'deleted'`);
    expect((await failure(manage.deleteCreatorCode(SHOP, env.admin, code.id))).reason).toBe("not_saved");
    expect(inShopify(code.shopifyDiscountId)).toBeUndefined();
    expect((await row(code.id)).state).toBe("needs_repair");
    await dropTrigger(env.database, "fail_update");
    await repair.repairDiscountCodes(SHOP, env.admin);
    expect((await row(code.id)).state).toBe("deleted");
  });

  test("a code being repaired refuses staff commands until it is repaired", async () => {
    const code = await provisioned();
    await env.database.client.discountCode.update({ where: { id: code.id }, data: { state: "needs_repair", lastError: "earlier failure" } });
    expect((await failure(manage.deleteCreatorCode(SHOP, env.admin, code.id))).reason).toBe("code_being_repaired");
    expect(operations()).toEqual([]);
  });
});

describe("replacing a code", () => {
  test("the typed code is created first, then the old one deleted in both places", async () => {
    const code = await provisioned();
    const result = await manage.runCreatorCodeCommand(SHOP, env.admin, code.id, { intent: "replace", code: "emma-summer" });
    expect(result.code.code).toBe("EMMA-SUMMER");
    expect(result.warning).toBeNull();
    expect((await row(code.id)).state).toBe("deleted");
    expect(inShopify(code.shopifyDiscountId)).toBeUndefined();
    expect([...env.standIn.state.shop(SHOP).discounts.values()].map((d) => d.code)).toEqual(["EMMA-SUMMER"]);
  });

  test("the old code cannot be deleted: the new one stands and staff are warned", async () => {
    const code = await provisioned();
    env.standIn.failNext("DeleteDiscountCode", { kind: "throttled", times: 6 });
    const result = await manage.runCreatorCodeCommand(SHOP, env.admin, code.id, { intent: "replace", code: "EMMA-SUMMER" });
    expect(result.warning?.reason).toBe("shopify_throttled");
    expect((await row(code.id)).state).toBe("active");
  });
});

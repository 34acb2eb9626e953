import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { ShopifyUserError } from "~/shopify/admin-api.server";
import {
  buildBasicCodeDiscountInput,
  createBasicDiscountCode,
  type BasicDiscountCodeInput,
} from "~/shopify/create-discount-code.server";
import { deleteDiscount } from "~/shopify/delete-discount.server";
import { findDiscountByCode } from "~/shopify/find-discount-by-code.server";
import { setDiscountActive } from "~/shopify/set-discount-active.server";
import { ShopifyInputError } from "~/shopify/shopify-errors.server";

import { CODE_TAKEN_MESSAGE, type ShopifyStandIn } from "../../support/shopify-stand-in";
import { recordingApi, SHOP, startStandIn } from "./harness";

let standIn: ShopifyStandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const base: BasicDiscountCodeInput = {
  title: "Lena – Spring launch",
  code: "LENA15",
  startsAt: new Date("2026-02-01T00:00:00Z"),
  value: { kind: "percentage", percentage: 0.15 },
};

describe("createBasicDiscountCode", () => {
  test("creates the code in the shop and returns its DiscountCodeNode id", async () => {
    const { api } = recordingApi(standIn);
    const created = await createBasicDiscountCode(api, base);
    expect(created).toEqual({ discountId: "gid://shopify/DiscountCodeNode/1000000001", code: "LENA15", status: "ACTIVE" });
    const stored = standIn.state.shop(SHOP).discountByCode("lena15");
    expect(stored?.id).toBe(created.discountId);
  });

  test("sends Shopify's DiscountCodeBasicInput: all buyers through context, all items, one code", async () => {
    const { api } = recordingApi(standIn);
    await createBasicDiscountCode(api, {
      ...base,
      code: "  MAX10  ",
      endsAt: new Date("2026-04-01T00:00:00Z"),
      value: { kind: "fixed_amount", amount: "10.00", appliesOnEachItem: false },
      minimumSubtotal: "50.00",
      appliesOncePerCustomer: true,
      usageLimit: 500,
      combinesWith: { shippingDiscounts: true },
    });
    expect(standIn.state.shop(SHOP).discountByCode("MAX10")?.input).toEqual({
      title: "Lena – Spring launch",
      code: "MAX10",
      startsAt: "2026-02-01T00:00:00.000Z",
      endsAt: "2026-04-01T00:00:00.000Z",
      context: { all: "ALL" },
      customerGets: { value: { discountAmount: { amount: "10.00", appliesOnEachItem: false } }, items: { all: true } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "50.00" } },
      appliesOncePerCustomer: true,
      usageLimit: 500,
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
    });
  });

  test("a code starting later is SCHEDULED", async () => {
    const { api } = recordingApi(standIn);
    const created = await createBasicDiscountCode(api, { ...base, startsAt: new Date("2026-06-01T00:00:00Z") });
    expect(created.status).toBe("SCHEDULED");
  });

  test.each([
    ["the same code", "LENA15"],
    ["the same code in other case", "lena15"],
  ])("TAKEN when the shop already has %s", async (_label, existing) => {
    standIn.state.seedDiscount(SHOP, { code: existing });
    const { api } = recordingApi(standIn);
    const error = await createBasicDiscountCode(api, base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    const userError = error as ShopifyUserError;
    expect(userError.code).toBe("TAKEN");
    expect(userError.hasCode("TAKEN")).toBe(true);
    expect(userError.field).toEqual(["basicCodeDiscount", "code"]);
    expect(userError.shopifyMessage).toBe(CODE_TAKEN_MESSAGE);
    expect(userError.operationName).toBe("CreateBasicDiscountCode");
    expect(standIn.state.shop(SHOP).discounts.size).toBe(1);
  });

  test("a second creation of our own code is TAKEN, not a duplicate", async () => {
    const { api } = recordingApi(standIn);
    await createBasicDiscountCode(api, base);
    await expect(createBasicDiscountCode(api, { ...base, code: "Lena15" })).rejects.toMatchObject({ code: "TAKEN" });
    expect(standIn.state.shop(SHOP).discounts.size).toBe(1);
  });

  test.each([
    ["a start date Shopify refuses", { code: "INVALID", field: ["basicCodeDiscount", "startsAt"], message: "Starts at is invalid" }],
    ["too many app discounts", { code: "MAX_APP_DISCOUNTS", field: null, message: "Too many active app discounts" }],
  ])("other user errors keep Shopify's code, field and message: %s", async (_label, userError) => {
    standIn.failNext("CreateBasicDiscountCode", { kind: "user_error", ...userError });
    const { api } = recordingApi(standIn);
    const error = (await createBasicDiscountCode(api, base).catch((e: unknown) => e)) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect({ code: error.code, field: error.field, message: error.shopifyMessage }).toEqual(userError);
    expect(error.userErrors).toHaveLength(1);
    expect(standIn.state.shop(SHOP).discounts.size).toBe(0);
  });
});

describe("buildBasicCodeDiscountInput refuses what Shopify would misread", () => {
  test.each<[string, Partial<BasicDiscountCodeInput>, RegExp]>([
    ["a percentage given as 15 instead of 0.15", { value: { kind: "percentage", percentage: 15 } }, /fraction in \(0, 1\]/],
    ["a zero percentage", { value: { kind: "percentage", percentage: 0 } }, /fraction/],
    ["a NaN percentage", { value: { kind: "percentage", percentage: Number.NaN } }, /fraction/],
    ["a blank code", { code: "   " }, /needs a code/],
    ["a blank title", { title: "" }, /needs a title/],
    ["an end before the start", { endsAt: new Date("2026-01-01T00:00:00Z") }, /endsAt must be after startsAt/],
    ["an end equal to the start", { endsAt: new Date("2026-02-01T00:00:00Z") }, /endsAt must be after startsAt/],
    ["an invalid start", { startsAt: new Date("not a date") }, /startsAt is not a valid date/],
    ["a float amount", { value: { kind: "fixed_amount", amount: "10,00" } }, /positive decimal string/],
    ["a zero amount", { value: { kind: "fixed_amount", amount: "0.00" } }, /positive decimal string/],
    ["a negative amount", { value: { kind: "fixed_amount", amount: "-5" } }, /positive decimal string/],
    ["a usage limit of 0", { usageLimit: 0 }, /usageLimit/],
    ["a fractional usage limit", { usageLimit: 2.5 }, /usageLimit/],
    ["a minimum subtotal with a currency sign", { minimumSubtotal: "$50" }, /minimumSubtotal/],
    ["a code over 255 characters", { code: "X".repeat(256) }, /longer than 255/],
  ])("%s", (_label, override, message) => {
    expect(() => buildBasicCodeDiscountInput({ ...base, ...override })).toThrow(ShopifyInputError);
    expect(() => buildBasicCodeDiscountInput({ ...base, ...override })).toThrow(message);
  });

  test("no request leaves for refused input", async () => {
    const { api } = recordingApi(standIn);
    await expect(createBasicDiscountCode(api, { ...base, code: "" })).rejects.toBeInstanceOf(ShopifyInputError);
    expect(standIn.requests).toHaveLength(0);
  });

  test("a percentage of exactly 100 % is allowed", () => {
    const input = buildBasicCodeDiscountInput({ ...base, value: { kind: "percentage", percentage: 1 } });
    expect(input.customerGets).toEqual({ value: { percentage: 1 }, items: { all: true } });
    expect(input).not.toHaveProperty("minimumRequirement");
  });
});

describe("findDiscountByCode", () => {
  test.each([
    ["exact case", "VIP20"],
    ["other case", "vip20"],
    ["surrounding spaces", "  VIP20 "],
  ])("finds a code by %s", async (_label, lookup) => {
    const seeded = standIn.state.seedDiscount(SHOP, { code: "VIP20", title: "VIP" });
    const { api } = recordingApi(standIn);
    expect(await findDiscountByCode(api, lookup)).toEqual({
      discountId: seeded.id,
      discountType: "DiscountCodeBasic",
      title: "VIP",
      status: "ACTIVE",
    });
  });

  test("null for a code no discount uses", async () => {
    const { api } = recordingApi(standIn);
    expect(await findDiscountByCode(api, "NOPE")).toBeNull();
  });

  test("codes are per shop", async () => {
    standIn.state.seedDiscount("other-shop.myshopify.com", { code: "VIP20" });
    const { api } = recordingApi(standIn);
    expect(await findDiscountByCode(api, "VIP20")).toBeNull();
  });

  test("an empty code is refused before any request", async () => {
    const { api } = recordingApi(standIn);
    await expect(findDiscountByCode(api, " ")).rejects.toBeInstanceOf(ShopifyInputError);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe("setDiscountActive and deleteDiscount", () => {
  test("deactivating expires the code now, activating reopens it", async () => {
    const { api } = recordingApi(standIn);
    const { discountId } = await createBasicDiscountCode(api, base);
    expect(await setDiscountActive(api, discountId, false)).toEqual({ discountId, status: "EXPIRED" });
    expect(standIn.state.shop(SHOP).discounts.get(discountId)?.endsAt).toBe("2026-03-01T12:00:00Z");
    expect(await setDiscountActive(api, discountId, true)).toEqual({ discountId, status: "ACTIVE" });
    expect(standIn.state.shop(SHOP).discounts.get(discountId)?.endsAt).toBeNull();
  });

  test("deleting removes the code, which then is free again", async () => {
    const { api } = recordingApi(standIn);
    const { discountId } = await createBasicDiscountCode(api, base);
    expect(await deleteDiscount(api, discountId)).toEqual({ deletedDiscountId: discountId });
    expect(await findDiscountByCode(api, "LENA15")).toBeNull();
    await expect(createBasicDiscountCode(api, base)).resolves.toMatchObject({ code: "LENA15" });
  });

  test.each([
    ["activating", (id: string) => (api: Parameters<typeof deleteDiscount>[0]) => setDiscountActive(api, id, true)],
    ["deactivating", (id: string) => (api: Parameters<typeof deleteDiscount>[0]) => setDiscountActive(api, id, false)],
    ["deleting", (id: string) => (api: Parameters<typeof deleteDiscount>[0]) => deleteDiscount(api, id)],
  ])("%s an unknown discount is a user error", async (_label, action) => {
    const { api } = recordingApi(standIn);
    const error = await action("gid://shopify/DiscountCodeNode/42")(api).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).field).toEqual(["id"]);
  });

  test.each([
    ["a numeric id", "1000000001"],
    ["an id of another type", "gid://shopify/Order/1"],
    ["an empty id", ""],
  ])("%s is refused before any request", async (_label, id) => {
    const { api } = recordingApi(standIn);
    await expect(setDiscountActive(api, id, true)).rejects.toBeInstanceOf(ShopifyInputError);
    await expect(deleteDiscount(api, id)).rejects.toBeInstanceOf(ShopifyInputError);
    expect(standIn.requests).toHaveLength(0);
  });
});

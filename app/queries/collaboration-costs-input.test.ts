import { describe, expect, test } from "vitest";
import { parseCollaborationCosts, parsePercentToBps } from "./collaboration-costs-input";

describe("parsePercentToBps", () => {
  test.each([
    ["12.5% is 1,250 bps", "12.5", { ok: true, bps: 1_250 }],
    ["French comma", "12,5", { ok: true, bps: 1_250 }],
    ["two decimals", "7.25", { ok: true, bps: 725 }],
    ["a hundred percent", "100", { ok: true, bps: 10_000 }],
    ["empty is no commission", " ", { ok: true, bps: 0 }],
    ["more than 100%", "100.01", { ok: false, error: "over_100" }],
    ["three decimals", "1.234", { ok: false, error: "too_precise" }],
    ["negative", "-5", { ok: false, error: "negative" }],
    ["a percent sign", "10%", { ok: false, error: "invalid" }],
    ["words", "ten", { ok: false, error: "invalid" }],
  ])("%s", (_label, raw, expected) => {
    expect(parsePercentToBps(raw)).toEqual(expected);
  });
});

describe("parseCollaborationCosts", () => {
  test("amounts in the shop currency, exactly", () => {
    expect(parseCollaborationCosts({ fee: "1500.50", commission: "10", gifted: "89,90", shipping: "" }, "EUR")).toEqual({
      ok: true,
      value: { feeMinor: 150_050, commissionBps: 1_000, giftedCostMinor: 8_990, shippingCostMinor: 0 },
    });
  });

  test("yen have no decimals", () => {
    expect(parseCollaborationCosts({ fee: "30000", commission: "", gifted: "", shipping: "800" }, "JPY")).toEqual({
      ok: true,
      value: { feeMinor: 30_000, commissionBps: 0, giftedCostMinor: 0, shippingCostMinor: 800 },
    });
    expect(parseCollaborationCosts({ fee: "300.5", commission: "", gifted: "", shipping: "" }, "JPY")).toEqual({ ok: false, errors: { fee: "too_precise" } });
  });

  test("every field's problem at once, nothing half-read", () => {
    expect(parseCollaborationCosts({ fee: "-1", commission: "120", gifted: "abc", shipping: "1.234" }, "USD")).toEqual({
      ok: false,
      errors: { fee: "negative", commission: "over_100", gifted: "invalid", shipping: "too_precise" },
    });
  });
});

import { describe, expect, test } from "vitest";
import { CAMPAIGN_ERRORS, campaignFieldErrors, campaignInputSchema, type CampaignFormValues } from "./campaign-input";
import { campaignFormValues } from "./campaign-form-values";

const eur = campaignInputSchema({ currencyCode: "EUR", timeZone: "Europe/Paris" });
const jpy = campaignInputSchema({ currencyCode: "JPY", timeZone: "Asia/Tokyo" });

const base: CampaignFormValues = {
  name: "Summer Launch",
  objective: "launch",
  discountType: "percentage",
  discountValue: "15",
  compensationType: "gifted",
};

function errorsOf(schema: typeof eur, values: Partial<CampaignFormValues>) {
  const result = schema.safeParse({ ...base, ...values });
  return result.success ? {} : campaignFieldErrors(result.error);
}

describe("campaignInputSchema reads the form", () => {
  test("a minimal form gets the defaults", () => {
    expect(eur.parse(base)).toEqual({
      name: "Summer Launch",
      objective: "launch",
      status: "active",
      startsAt: null,
      endsAt: null,
      budgetMinor: 0,
      brief: [],
      discountType: "percentage",
      discountValue: 15,
      minimumOrderMinor: null,
      oncePerCustomer: false,
      usageLimit: null,
      combinesWithOrder: false,
      combinesWithProduct: false,
      combinesWithShipping: false,
      compensationType: "gifted",
    });
  });

  test("a complete form", () => {
    expect(
      eur.parse({
        ...base,
        name: "  Black Friday  ",
        status: "draft",
        startsOn: "2026-11-27",
        endsOn: "2026-11-30",
        budget: "2500.00",
        brief: "Show the code on screen\r\n\r\n  Tag the shop  \n",
        discountType: "fixed_amount",
        discountValue: "10,50",
        minimumOrder: "50",
        oncePerCustomer: "on",
        usageLimit: "200",
        combinesWithOrder: "on",
        combinesWithShipping: "true",
        compensationType: "hybrid",
      }),
    ).toEqual({
      name: "Black Friday",
      objective: "launch",
      status: "draft",
      // Paris is UTC+1 in November: the first day starts at 23:00 UTC the evening before.
      startsAt: new Date("2026-11-26T23:00:00.000Z"),
      // The end day is included: the campaign ends when 1 December starts in Paris.
      endsAt: new Date("2026-11-30T23:00:00.000Z"),
      budgetMinor: 250_000,
      brief: ["Show the code on screen", "Tag the shop"],
      discountType: "fixed_amount",
      discountValue: 1_050,
      minimumOrderMinor: 5_000,
      oncePerCustomer: true,
      usageLimit: 200,
      combinesWithOrder: true,
      combinesWithProduct: false,
      combinesWithShipping: true,
      compensationType: "hybrid",
    });
  });

  test.each([
    ["yen budget has no minor unit", jpy, { budget: "150000" }, "budgetMinor", 150_000],
    ["yen fixed discount", jpy, { discountType: "fixed_amount", discountValue: "500" }, "discountValue", 500],
    ["Tokyo day start", jpy, { startsOn: "2026-01-01" }, "startsAt", new Date("2025-12-31T15:00:00.000Z")],
    ["a one-day campaign ends 24 hours after it starts", eur, { startsOn: "2026-06-01", endsOn: "2026-06-01" }, "endsAt", new Date("2026-06-01T22:00:00.000Z")],
    ["the day clocks go back lasts 25 hours", eur, { endsOn: "2026-10-25" }, "endsAt", new Date("2026-10-25T23:00:00.000Z")],
    ["100 percent is allowed", eur, { discountValue: "100" }, "discountValue", 100],
    ["1 percent is allowed", eur, { discountValue: " 1 " }, "discountValue", 1],
    ["brief given as a list", eur, { brief: ["One", " ", "Two"] }, "brief", ["One", "Two"]],
    ["JSON booleans for checkboxes", eur, { oncePerCustomer: true, combinesWithProduct: false }, "oncePerCustomer", true],
    ["an unticked checkbox is absent", eur, { oncePerCustomer: undefined }, "oncePerCustomer", false],
    ["blank status means active", eur, { status: "" }, "status", "active"],
    ["usage limit of 1", eur, { usageLimit: "1" }, "usageLimit", 1],
  ] as const)("%s", (_label, schema, values, field, expected) => {
    expect(schema.parse({ ...base, ...values })[field]).toEqual(expected);
  });
});

describe("campaignInputSchema refuses", () => {
  test.each([
    ["a missing name", { name: undefined }, "name", CAMPAIGN_ERRORS.nameRequired],
    ["a blank name", { name: "   " }, "name", CAMPAIGN_ERRORS.nameRequired],
    ["a 121-character name", { name: "n".repeat(121) }, "name", CAMPAIGN_ERRORS.nameTooLong],
    ["an unknown objective", { objective: "fame" }, "objective", CAMPAIGN_ERRORS.objective],
    ["archived from the form", { status: "archived" }, "status", CAMPAIGN_ERRORS.status],
    ["an unknown compensation", { compensationType: "equity" }, "compensationType", CAMPAIGN_ERRORS.compensationType],
    ["an unknown discount type", { discountType: "bogo" }, "discountType", CAMPAIGN_ERRORS.discountType],
    ["an impossible date", { startsOn: "2026-02-30" }, "startsOn", CAMPAIGN_ERRORS.day],
    ["a date in another format", { endsOn: "30/11/2026" }, "endsOn", CAMPAIGN_ERRORS.day],
    ["an end before the start", { startsOn: "2026-11-30", endsOn: "2026-11-27" }, "endsOn", CAMPAIGN_ERRORS.endsBeforeStart],
    ["a negative budget", { budget: "-100" }, "budget", CAMPAIGN_ERRORS.moneyNegative],
    ["a budget with a thousands separator", { budget: "1,500.00" }, "budget", CAMPAIGN_ERRORS.money],
    ["a budget in fractions of a cent", { budget: "10.001" }, "budget", CAMPAIGN_ERRORS.moneyTooPrecise],
    ["a zero percent discount", { discountValue: "0" }, "discountValue", CAMPAIGN_ERRORS.percentage],
    ["101 percent", { discountValue: "101" }, "discountValue", CAMPAIGN_ERRORS.percentage],
    ["a fractional percentage", { discountValue: "12.5" }, "discountValue", CAMPAIGN_ERRORS.percentage],
    ["a blank discount", { discountValue: "" }, "discountValue", CAMPAIGN_ERRORS.percentage],
    ["a zero fixed amount", { discountType: "fixed_amount", discountValue: "0.00" }, "discountValue", CAMPAIGN_ERRORS.fixedAmount],
    ["a negative fixed amount", { discountType: "fixed_amount", discountValue: "-5" }, "discountValue", CAMPAIGN_ERRORS.fixedAmount],
    ["a zero minimum order", { minimumOrder: "0" }, "minimumOrder", CAMPAIGN_ERRORS.minimumOrder],
    ["a minimum order in words", { minimumOrder: "fifty" }, "minimumOrder", CAMPAIGN_ERRORS.minimumOrder],
    ["a zero usage limit", { usageLimit: "0" }, "usageLimit", CAMPAIGN_ERRORS.usageLimit],
    ["a fractional usage limit", { usageLimit: "2.5" }, "usageLimit", CAMPAIGN_ERRORS.usageLimit],
    ["31 brief items", { brief: Array.from({ length: 31 }, (_, i) => `Item ${i}`).join("\n") }, "brief", CAMPAIGN_ERRORS.briefTooMany],
    ["a 301-character brief item", { brief: "x".repeat(301) }, "brief", CAMPAIGN_ERRORS.briefItemTooLong],
  ] as const)("%s", (_label, values, field, message) => {
    expect(errorsOf(eur, values)).toMatchObject({ [field]: message });
  });

  test("a fraction of a yen", () => {
    expect(errorsOf(jpy, { budget: "100.5" })).toEqual({ budget: CAMPAIGN_ERRORS.moneyTooPrecise });
  });

  test("several problems are reported together, one per field", () => {
    expect(errorsOf(eur, { name: "", budget: "abc", usageLimit: "-1" })).toEqual({
      name: CAMPAIGN_ERRORS.nameRequired,
      budget: CAMPAIGN_ERRORS.money,
      usageLimit: CAMPAIGN_ERRORS.usageLimit,
    });
  });

  test("every error message is a campaigns.errors locale key", () => {
    for (const key of Object.values(CAMPAIGN_ERRORS)) expect(key).toMatch(/^campaigns\.errors\.\w+$/);
  });
});

describe("campaignFormValues", () => {
  test.each([
    ["EUR in Paris", { currencyCode: "EUR", timeZone: "Europe/Paris" }],
    ["JPY in Tokyo", { currencyCode: "JPY", timeZone: "Asia/Tokyo" }],
    ["KWD in Kuwait", { currencyCode: "KWD", timeZone: "Asia/Kuwait" }],
  ])("a saved campaign reads back into the same form (%s)", (_label, context) => {
    const schema = campaignInputSchema(context);
    const posted = {
      ...base,
      status: "ended",
      startsOn: "2026-03-01",
      endsOn: "2026-03-31",
      budget: "1200",
      brief: "One\nTwo",
      discountType: "fixed_amount",
      discountValue: "5",
      minimumOrder: "20",
      oncePerCustomer: "on",
      usageLimit: "10",
      combinesWithProduct: "on",
    };
    const stored = schema.parse(posted);
    const values = campaignFormValues(stored, context);
    expect(values).toMatchObject({ startsOn: "2026-03-01", endsOn: "2026-03-31", brief: "One\nTwo", status: "ended", usageLimit: "10" });
    expect(schema.parse(values)).toEqual(stored);
  });

  test.each([
    ["amounts with the currency's decimals", "EUR", 150_050, "1500.50"],
    ["yen without decimals", "JPY", 1_500, "1500"],
    ["no budget shows an empty field", "EUR", 0, ""],
  ])("%s", (_label, currencyCode, budgetMinor, expected) => {
    const stored = { ...eur.parse(base), budgetMinor };
    expect(campaignFormValues(stored, { currencyCode, timeZone: "UTC" }).budget).toBe(expected);
  });

  test("an archived campaign's form shows it as ended", () => {
    expect(campaignFormValues({ ...eur.parse(base), status: "archived" }, { currencyCode: "EUR", timeZone: "UTC" }).status).toBe("ended");
  });
});

import { z } from "zod";
import { addDays, DateError, startOfDayInstant } from "../dates";
import { parseMoneyInput } from "./parse-money-input";

export const CAMPAIGN_OBJECTIVES = ["sales", "acquisition", "launch", "clearance", "awareness"] as const;
export type CampaignObjective = (typeof CAMPAIGN_OBJECTIVES)[number];
export const COMPENSATION_TYPES = ["gifted", "paid", "commission", "hybrid"] as const;
export type CompensationType = (typeof COMPENSATION_TYPES)[number];
export const DISCOUNT_TYPES = ["percentage", "fixed_amount"] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];
/** Statuses staff pick in the form; "archived" is reached through the archive action only. */
export const CAMPAIGN_FORM_STATUSES = ["draft", "active", "ended"] as const;
export const CAMPAIGN_STATUSES = [...CAMPAIGN_FORM_STATUSES, "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MAX_CAMPAIGN_NAME_LENGTH = 120;
export const MAX_BRIEF_ITEMS = 30;
export const MAX_BRIEF_ITEM_LENGTH = 300;

/** The validated campaign: money in minor units of the shop currency, dates as UTC instants. */
export type CampaignInput = {
  name: string;
  objective: CampaignObjective;
  status: Exclude<CampaignStatus, "archived">;
  /** Start of the first day in the shop's time zone; null when open. */
  startsAt: Date | null;
  /** Start of the day after the last day in the shop's time zone (exclusive end); null when open. */
  endsAt: Date | null;
  budgetMinor: number;
  brief: string[];
  discountType: DiscountType;
  /** Percent 1–100 for percentage; minor units for fixed_amount. */
  discountValue: number;
  minimumOrderMinor: number | null;
  oncePerCustomer: boolean;
  usageLimit: number | null;
  combinesWithOrder: boolean;
  combinesWithProduct: boolean;
  combinesWithShipping: boolean;
  compensationType: CompensationType;
};

/** Facts of the shop the form is read against. */
export type CampaignFormContext = { currencyCode: string; timeZone: string };

// Messages are locale keys: the page translates them (en, fr), the domain stays free of UI strings.
export const CAMPAIGN_ERRORS = {
  nameRequired: "campaigns.errors.nameRequired",
  nameTooLong: "campaigns.errors.nameTooLong",
  objective: "campaigns.errors.objective",
  status: "campaigns.errors.status",
  compensationType: "campaigns.errors.compensationType",
  discountType: "campaigns.errors.discountType",
  day: "campaigns.errors.day",
  endsBeforeStart: "campaigns.errors.endsBeforeStart",
  money: "campaigns.errors.money",
  moneyNegative: "campaigns.errors.moneyNegative",
  moneyTooPrecise: "campaigns.errors.moneyTooPrecise",
  percentage: "campaigns.errors.percentage",
  fixedAmount: "campaigns.errors.fixedAmount",
  minimumOrder: "campaigns.errors.minimumOrder",
  usageLimit: "campaigns.errors.usageLimit",
  briefTooMany: "campaigns.errors.briefTooMany",
  briefItemTooLong: "campaigns.errors.briefItemTooLong",
} as const;

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const text = z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string());
// An HTML checkbox sends "on" when ticked and nothing when not; JSON callers send booleans.
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() : value), z.enum(values, { error: message }));

const rawSchema = z.object({
  name: text.pipe(z.string().trim().min(1, CAMPAIGN_ERRORS.nameRequired).max(MAX_CAMPAIGN_NAME_LENGTH, CAMPAIGN_ERRORS.nameTooLong)),
  objective: choice(CAMPAIGN_OBJECTIVES, CAMPAIGN_ERRORS.objective),
  status: z.preprocess((value) => (blank(value) ? "active" : value), choice(CAMPAIGN_FORM_STATUSES, CAMPAIGN_ERRORS.status)),
  startsOn: text,
  endsOn: text,
  budget: text,
  // One required item per line; blank lines are dropped.
  brief: z.union([text, z.array(z.string())]),
  discountType: choice(DISCOUNT_TYPES, CAMPAIGN_ERRORS.discountType),
  discountValue: text,
  minimumOrder: text,
  oncePerCustomer: checkbox,
  usageLimit: text,
  combinesWithOrder: checkbox,
  combinesWithProduct: checkbox,
  combinesWithShipping: checkbox,
  compensationType: choice(COMPENSATION_TYPES, CAMPAIGN_ERRORS.compensationType),
});

/** The campaign form as it is posted: every value a string (checkboxes "on" or absent). */
export type CampaignFormValues = z.input<typeof rawSchema>;

type Ctx = z.RefinementCtx;

function readDay(raw: string, timeZone: string, path: string, ctx: Ctx): string | null | undefined {
  const day = raw.trim();
  if (day === "") return null;
  try {
    startOfDayInstant(day, timeZone);
    return day;
  } catch (error) {
    if (!(error instanceof DateError)) throw error;
    ctx.addIssue({ code: "custom", path: [path], message: CAMPAIGN_ERRORS.day });
    return undefined;
  }
}

function readMoney(raw: string, currencyCode: string, path: string, ctx: Ctx): number | undefined {
  const result = parseMoneyInput(raw, currencyCode);
  if (result.ok) return result.minor;
  const message =
    result.error === "negative" ? CAMPAIGN_ERRORS.moneyNegative : result.error === "too_precise" ? CAMPAIGN_ERRORS.moneyTooPrecise : CAMPAIGN_ERRORS.money;
  ctx.addIssue({ code: "custom", path: [path], message });
  return undefined;
}

/**
 * The campaign create/edit form read against the shop's currency and time zone: name and objective required;
 * dates are whole days in the shop's zone (the end day included, so endsAt is the start of the next day) and the
 * end may not precede the start; budget and minimum order are exact amounts in the shop currency; a percentage
 * discount is a whole 1–100, a fixed amount is a positive amount; usage limit, when given, a whole number ≥ 1.
 */
export function campaignInputSchema({ currencyCode, timeZone }: CampaignFormContext) {
  return rawSchema.transform((raw, ctx): CampaignInput => {
    const startsOn = readDay(raw.startsOn, timeZone, "startsOn", ctx);
    const endsOn = readDay(raw.endsOn, timeZone, "endsOn", ctx);
    if (startsOn && endsOn && endsOn < startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: CAMPAIGN_ERRORS.endsBeforeStart });

    const budgetMinor = raw.budget.trim() === "" ? 0 : readMoney(raw.budget, currencyCode, "budget", ctx);

    let discountValue: number | undefined;
    if (raw.discountType === "percentage") {
      const value = raw.discountValue.trim();
      if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 100) discountValue = Number(value);
      else ctx.addIssue({ code: "custom", path: ["discountValue"], message: CAMPAIGN_ERRORS.percentage });
    } else {
      const result = parseMoneyInput(raw.discountValue, currencyCode);
      if (result.ok && result.minor > 0) discountValue = result.minor;
      else ctx.addIssue({ code: "custom", path: ["discountValue"], message: CAMPAIGN_ERRORS.fixedAmount });
    }

    let minimumOrderMinor: number | null | undefined = null;
    if (raw.minimumOrder.trim() !== "") {
      const result = parseMoneyInput(raw.minimumOrder, currencyCode);
      if (result.ok && result.minor > 0) minimumOrderMinor = result.minor;
      else {
        minimumOrderMinor = undefined;
        ctx.addIssue({ code: "custom", path: ["minimumOrder"], message: CAMPAIGN_ERRORS.minimumOrder });
      }
    }

    let usageLimit: number | null | undefined = null;
    const limit = raw.usageLimit.trim();
    if (limit !== "") {
      if (/^\d+$/.test(limit) && Number(limit) >= 1 && Number.isSafeInteger(Number(limit))) usageLimit = Number(limit);
      else {
        usageLimit = undefined;
        ctx.addIssue({ code: "custom", path: ["usageLimit"], message: CAMPAIGN_ERRORS.usageLimit });
      }
    }

    const briefLines = (Array.isArray(raw.brief) ? raw.brief : raw.brief.split(/\r?\n/)).map((line) => line.trim()).filter((line) => line !== "");
    if (briefLines.length > MAX_BRIEF_ITEMS) ctx.addIssue({ code: "custom", path: ["brief"], message: CAMPAIGN_ERRORS.briefTooMany });
    if (briefLines.some((line) => line.length > MAX_BRIEF_ITEM_LENGTH)) {
      ctx.addIssue({ code: "custom", path: ["brief"], message: CAMPAIGN_ERRORS.briefItemTooLong });
    }

    // Every problem above is an issue already; zod discards this value when there is any.
    return {
      name: raw.name,
      objective: raw.objective,
      status: raw.status,
      startsAt: startsOn ? startOfDayInstant(startsOn, timeZone) : null,
      endsAt: endsOn ? startOfDayInstant(addDays(endsOn, 1), timeZone) : null,
      budgetMinor: budgetMinor ?? 0,
      brief: briefLines,
      discountType: raw.discountType,
      discountValue: discountValue ?? 0,
      minimumOrderMinor: minimumOrderMinor ?? null,
      oncePerCustomer: raw.oncePerCustomer,
      usageLimit: usageLimit ?? null,
      combinesWithOrder: raw.combinesWithOrder,
      combinesWithProduct: raw.combinesWithProduct,
      combinesWithShipping: raw.combinesWithShipping,
      compensationType: raw.compensationType,
    };
  });
}

/** Field errors of a failed parse, one locale key per field (the first problem of each). */
export function campaignFieldErrors(error: z.ZodError): Partial<Record<keyof CampaignFormValues, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const [field] = issue.path;
    if (typeof field === "string" && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors as Partial<Record<keyof CampaignFormValues, string>>;
}

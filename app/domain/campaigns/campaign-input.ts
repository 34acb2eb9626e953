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

const text = z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string());
// An HTML checkbox sends "on" when ticked and nothing when not; JSON callers send booleans.
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

// Every field is read leniently here and checked in the transform below, so that one bad field
// does not hide the others: the form shows all its problems at once.
const rawSchema = z.object({
  name: text,
  objective: text,
  status: text,
  startsOn: text,
  endsOn: text,
  budget: text,
  // One required item per line; blank lines are dropped.
  brief: z.union([text, z.array(z.string())]),
  discountType: text,
  discountValue: text,
  minimumOrder: text,
  oncePerCustomer: checkbox,
  usageLimit: text,
  combinesWithOrder: checkbox,
  combinesWithProduct: checkbox,
  combinesWithShipping: checkbox,
  compensationType: text,
});

type TextField = "name" | "objective" | "status" | "startsOn" | "endsOn" | "budget" | "discountType" | "discountValue" | "minimumOrder" | "usageLimit" | "compensationType";
type CheckboxField = "oncePerCustomer" | "combinesWithOrder" | "combinesWithProduct" | "combinesWithShipping";

/** The campaign form as it is posted: text values as strings, checkboxes "on" or absent (or booleans from JSON). */
export type CampaignFormValues = { [K in TextField]?: string } & { [K in CheckboxField]?: boolean | string } & { brief?: string | string[] };

type Ctx = z.RefinementCtx;

function readChoice<T extends string>(values: ReadonlyArray<T>, raw: string, path: string, message: string, ctx: Ctx): T | undefined {
  const value = raw.trim();
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) ctx.addIssue({ code: "custom", path: [path], message });
  return found;
}

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
    const name = raw.name.trim();
    if (name === "") ctx.addIssue({ code: "custom", path: ["name"], message: CAMPAIGN_ERRORS.nameRequired });
    else if (name.length > MAX_CAMPAIGN_NAME_LENGTH) ctx.addIssue({ code: "custom", path: ["name"], message: CAMPAIGN_ERRORS.nameTooLong });
    const objective = readChoice(CAMPAIGN_OBJECTIVES, raw.objective, "objective", CAMPAIGN_ERRORS.objective, ctx);
    const status = readChoice(CAMPAIGN_FORM_STATUSES, raw.status.trim() === "" ? "active" : raw.status, "status", CAMPAIGN_ERRORS.status, ctx);
    const discountType = readChoice(DISCOUNT_TYPES, raw.discountType, "discountType", CAMPAIGN_ERRORS.discountType, ctx);
    const compensationType = readChoice(COMPENSATION_TYPES, raw.compensationType, "compensationType", CAMPAIGN_ERRORS.compensationType, ctx);

    const startsOn = readDay(raw.startsOn, timeZone, "startsOn", ctx);
    const endsOn = readDay(raw.endsOn, timeZone, "endsOn", ctx);
    if (startsOn && endsOn && endsOn < startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: CAMPAIGN_ERRORS.endsBeforeStart });

    const budgetMinor = raw.budget.trim() === "" ? 0 : readMoney(raw.budget, currencyCode, "budget", ctx);

    let discountValue: number | undefined;
    if (discountType === undefined) {
      // Without a type the value cannot be read; the type's own error says what to fix.
    } else if (discountType === "percentage") {
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
      name,
      objective: objective ?? "sales",
      status: status ?? "active",
      startsAt: startsOn ? startOfDayInstant(startsOn, timeZone) : null,
      endsAt: endsOn ? startOfDayInstant(addDays(endsOn, 1), timeZone) : null,
      budgetMinor: budgetMinor ?? 0,
      brief: briefLines,
      discountType: discountType ?? "percentage",
      discountValue: discountValue ?? 0,
      minimumOrderMinor: minimumOrderMinor ?? null,
      oncePerCustomer: raw.oncePerCustomer,
      usageLimit: usageLimit ?? null,
      combinesWithOrder: raw.combinesWithOrder,
      combinesWithProduct: raw.combinesWithProduct,
      combinesWithShipping: raw.combinesWithShipping,
      compensationType: compensationType ?? "gifted",
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

import { addDays, dayKey } from "../dates";
import { minorToDecimal } from "../money";
import type { CampaignFormContext, CampaignFormValues, CampaignInput } from "./campaign-input";

/** A campaign as stored: the enumerations are plain strings there. */
export type StoredCampaignValues = Omit<CampaignInput, "objective" | "status" | "discountType" | "compensationType" | "brief"> & {
  objective: string;
  status: string;
  discountType: string;
  compensationType: string;
  brief: ReadonlyArray<string>;
};

/** What the edit form starts from: every text as the staff would type it, checkboxes as booleans. */
export type CampaignFormState = { [K in keyof CampaignFormValues]-?: Exclude<CampaignFormValues[K], string[] | (K extends `combinesWith${string}` | "oncePerCustomer" ? string : never)> };

/** A stored campaign as the edit form shows it: amounts as decimals of the shop currency, dates as the shop's days (end day inclusive). */
export function campaignFormValues(
  campaign: StoredCampaignValues,
  { currencyCode, timeZone }: CampaignFormContext,
): CampaignFormState {
  return {
    name: campaign.name,
    objective: campaign.objective,
    status: campaign.status === "archived" ? "ended" : campaign.status,
    startsOn: campaign.startsAt ? dayKey(campaign.startsAt, timeZone) : "",
    endsOn: campaign.endsAt ? addDays(dayKey(campaign.endsAt, timeZone), -1) : "",
    budget: campaign.budgetMinor === 0 ? "" : minorToDecimal(campaign.budgetMinor, currencyCode),
    brief: campaign.brief.join("\n"),
    discountType: campaign.discountType,
    discountValue: campaign.discountType === "percentage" ? String(campaign.discountValue) : minorToDecimal(campaign.discountValue, currencyCode),
    minimumOrder: campaign.minimumOrderMinor === null ? "" : minorToDecimal(campaign.minimumOrderMinor, currencyCode),
    oncePerCustomer: campaign.oncePerCustomer,
    usageLimit: campaign.usageLimit === null ? "" : String(campaign.usageLimit),
    combinesWithOrder: campaign.combinesWithOrder,
    combinesWithProduct: campaign.combinesWithProduct,
    combinesWithShipping: campaign.combinesWithShipping,
    compensationType: campaign.compensationType,
  };
}

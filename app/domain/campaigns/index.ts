export {
  CAMPAIGN_OBJECTIVES,
  COMPENSATION_TYPES,
  DISCOUNT_TYPES,
  CAMPAIGN_FORM_STATUSES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_ERRORS,
  MAX_CAMPAIGN_NAME_LENGTH,
  MAX_BRIEF_ITEMS,
  MAX_BRIEF_ITEM_LENGTH,
  campaignInputSchema,
  campaignFieldErrors,
  type CampaignInput,
  type CampaignFormValues,
  type CampaignFormContext,
  type CampaignObjective,
  type CompensationType,
  type DiscountType,
  type CampaignStatus,
} from "./campaign-input";
export { campaignFormValues, type StoredCampaignValues, type CampaignFormState } from "./campaign-form-values";
export { campaignSlug, uniqueCampaignSlug, MAX_CAMPAIGN_SLUG_LENGTH } from "./campaign-slug";
export { parseMoneyInput, type MoneyInputResult } from "./parse-money-input";

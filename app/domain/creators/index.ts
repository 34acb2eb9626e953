export { PLATFORMS, isPlatform, parsePlatform, type Platform } from "./platforms";
export { TIERS, tierFromAudience, type Tier, type PlatformAudience } from "./tier-from-audience";
export {
  MAX_HANDLE_LENGTH,
  normalizeHandle,
  handleKey,
  type HandleError,
  type NormalizeHandleResult,
} from "./normalize-handle";
export {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_PROFILE_URL_LENGTH,
  MAX_FOLLOWERS,
  creatorInputSchema,
  platformAudienceInputSchema,
  type CreatorFormInput,
  type CreatorInput,
  type PlatformAudienceInput,
} from "./creator-input-schema";

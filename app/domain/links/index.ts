export {
  safeDestinationPath,
  MAX_DESTINATION_LENGTH,
  type SafeDestinationPathResult,
  type UnsafePathReason,
} from "./safe-destination-path";
export {
  buildUtm,
  checkUtmValue,
  MAX_UTM_VALUE_LENGTH,
  INFLUENCER_UTM_MEDIUM,
  type UtmSet,
  type UtmOverrides,
  type BuildUtmInput,
} from "./build-utm";
export { appendUtm } from "./append-utm";
export { normalizeShopDomain, isValidShopDomain } from "./shop-domain";
export { buildDiscountUrl, type BuildDiscountUrlInput } from "./build-discount-url";
export { isRedirectToShop } from "./is-redirect-to-shop";
export { generateLinkSlug, isValidSlug, SLUG_ALPHABET, SLUG_LENGTH, type RandomBytes } from "./link-slug";
export { classifyUserAgentBot } from "./classify-user-agent-bot";
export { visitorHash, type VisitorHashInput } from "./visitor-hash";
export {
  LinkError,
  InvalidUtmError,
  InvalidShopDomainError,
  UnsafeDestinationError,
  InvalidLinkCodeError,
  RandomSourceError,
} from "./errors";

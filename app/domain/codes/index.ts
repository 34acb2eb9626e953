export { codeKey } from "./code-key";
export {
  MAX_CODE_LENGTH,
  normalizeCodeText,
  type CodeTextError,
  type NormalizeCodeTextResult,
} from "./normalize-code-text";
export {
  suggestDiscountCode,
  codeLetters,
  DEFAULT_SUGGESTED_CODE_LENGTH,
  FALLBACK_CODE_PREFIX,
  type DiscountValue,
  type SuggestDiscountCodeInput,
} from "./suggest-discount-code";
export { codeCandidates } from "./code-candidates";
export { findFreeCode } from "./find-free-code";
export { DiscountCodeError, InvalidDiscountValueError, InvalidDiscountCodeError, NoFreeCodeError } from "./errors";

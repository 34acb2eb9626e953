export { currencyExponent, assertCurrencyCode } from "./currency-exponent";
export { parseDecimalToMinor } from "./parse-decimal-to-minor";
export { minorToDecimal } from "./minor-to-decimal";
export { formatMinor } from "./format-minor";
export { type Money, money, assertMinor, addMoney, subMoney, sumMoney } from "./money";
export { allocateMinor } from "./allocate-minor";
export { mulRate } from "./mul-rate";
export {
  MoneyError,
  InvalidAmountError,
  InvalidCurrencyError,
  CurrencyMismatchError,
  InvalidMinorAmountError,
  InvalidAllocationError,
} from "./errors";

export {
  type TouchKind,
  type CreatorRef,
  type Touch,
  type AttributionModel,
  type Credit,
  type WinningRule,
  type JourneyVisit,
  type CreatorClick,
  type AttributionContext,
  ATTRIBUTION_MODELS,
  CREDIT_SCALE,
} from "./types";
export { collectTouches } from "./collect-touches";
export { resolveCreatorUtm, utmEvidence, DEFAULT_CREATOR_MEDIUMS } from "./resolve-creator-utm";
export {
  creditOrder,
  explainAttribution,
  type CreditResult,
  type AttributionExplanation,
  type ExplainedSignal,
  type SignalStatus,
} from "./credit-order";
export { windowPosition, type WindowPosition } from "./window";
export { compareTouches, sortTouches } from "./touch-order";
export { classifyCustomerOrder, type CustomerOrderClass, type ClassifyCustomerOrderInput } from "./classify-customer-order";
export { acquisitionChannel, type AcquisitionChannel, type AcquisitionChannelInput } from "./acquisition-channel";
export {
  rollupDelta,
  refundDelta,
  orderRollupContributions,
  mergeRollupDeltas,
  ROLLUP_DELTA_METRICS,
  type OrderRollupState,
  type RollupDelta,
  type RollupRefund,
  type CreditKind,
} from "./rollup-delta";
export { orderRollupState } from "./order-rollup-state";
export { AttributionInputError } from "./errors";
export { effectiveCredits, mainCredit, type CreditOverride, type EffectiveCredit } from "./effective-credits";
export {
  classifyCustomerHistory,
  type CustomerHistory,
  type CustomerHistoryOrder,
  type CustomerAcquisition,
} from "./classify-customer-history";
export { serializeRollupState, parseRollupState } from "./rollup-state-json";

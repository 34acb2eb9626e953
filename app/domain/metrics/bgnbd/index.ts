// BG/NBD ("Buy Till You Die") model of repeat purchasing, for predicted CLV beside the realised curves.
export {
  bgnbdCustomerLogLikelihood,
  bgnbdLogLikelihood,
  type BgnbdParams,
  type RfmSummary,
} from "./bgnbd-log-likelihood";
export { fitBgnbd, type BgnbdFit } from "./fit-bgnbd";
export { bgnbdProbabilityAlive } from "./probability-alive";
export { logBeta, logGamma } from "./log-gamma";
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./nelder-mead";

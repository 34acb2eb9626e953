export { backfillWindow, parseScopes, DEFAULT_ORDER_HISTORY_DAYS, type BackfillWindow } from "./backfill-window";
export { backfillPercent, type BackfillProgressInput } from "./backfill-progress";

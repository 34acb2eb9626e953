import { toInstant } from "~/domain/dates";
import { AttributionInputError } from "./errors";

const MS_PER_DAY = 86_400_000;

/** Throws unless the window is a whole, non-negative number of days. */
export function assertWindowDays(windowDays: number): void {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) {
    throw new AttributionInputError(`Attribution window must be a whole number of days ≥ 0, got ${String(windowDays)}`);
  }
}

export type WindowPosition = "inside" | "after_order" | "outside_window";

/**
 * Where a signal falls relative to an order: inside the window (at or before the order and at most
 * windowDays × 24h earlier), after the order, or too early. Days are elapsed 24-hour days, not calendar days.
 */
export function windowPosition(at: string | Date, processedAt: string | Date, windowDays: number): WindowPosition {
  const signal = toInstant(at).getTime();
  const order = toInstant(processedAt).getTime();
  if (signal > order) return "after_order";
  return order - signal <= windowDays * MS_PER_DAY ? "inside" : "outside_window";
}

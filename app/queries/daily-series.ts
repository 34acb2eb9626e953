import { dayRange } from "~/domain/dates";
import type { DayPeriod } from "./date-range";
import { ORDER_CREDIT_SCALE, type RollupTotals } from "./rollup-totals";

export type DailyPoint = { day: string; netMinor: number; orders: number };

/** One point per day of the period (days without rows at zero): net sales and credit-weighted orders. */
export function dailySeries(period: DayPeriod, rows: readonly { day: string; totals: RollupTotals }[]): DailyPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r.totals]));
  return dayRange(period.from, period.to).map((day) => {
    const totals = byDay.get(day);
    return { day, netMinor: totals?.netMinor ?? 0, orders: (totals?.orderCreditPpm ?? 0) / ORDER_CREDIT_SCALE };
  });
}

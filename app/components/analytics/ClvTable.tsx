import { DataTable, Text } from "@shopify/polaris";
import type { ClvPoint } from "~/domain/metrics";
import { useI18n } from "../../i18n/i18n-context";
import { formatCount } from "./format";
import { MetricValue } from "./MetricValue";

export type ClvRow = { key: string; label: string; customers: number; clv: readonly ClvPoint[] };

/** Realised CLV at 30/90/180/365 days per group, each point over the customers old enough for it. */
export function ClvTable({ rows, groupHeading, currency }: { rows: readonly ClvRow[]; groupHeading: string; currency: string }) {
  const { t, locale } = useI18n();
  const horizons = rows[0]?.clv.map((p) => p.days) ?? [30, 90, 180, 365];
  return (
    <DataTable
      columnContentTypes={["text", "numeric", ...horizons.map(() => "numeric" as const)]}
      headings={[groupHeading, t("analytics.clv.customers"), ...horizons.map((days) => t("analytics.clv.horizon", { days }))]}
      rows={rows.map((row) => [
        <span key="label" data-clv-row={row.key}>
          {row.label}
        </span>,
        formatCount(row.customers, locale),
        ...row.clv.map((point) => (
          <span key={point.days} data-clv-days={point.days}>
            <MetricValue value={point.clv} format="money" currency={currency} />
            <Text as="span" variant="bodySm" tone="subdued">
              {" "}
              {t("analytics.clv.mature", { count: point.matureCustomers })}
            </Text>
          </span>
        )),
      ])}
    />
  );
}

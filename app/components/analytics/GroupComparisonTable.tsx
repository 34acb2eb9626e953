import { DataTable } from "@shopify/polaris";
import type { GroupView } from "~/queries/get-dashboard.server";
import { useI18n } from "../../i18n/i18n-context";
import { formatCount, formatMoney } from "./format";
import { MetricValue } from "./MetricValue";

/** Credited performance summed by a grouping (tier, compensation type): one row per group. */
export function GroupComparisonTable({ groups, labelKey, currency }: { groups: readonly GroupView[]; labelKey: string; currency: string }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
      headings={[
        t(`analytics.groups.${labelKey}`),
        t("analytics.columns.creators"),
        t("analytics.columns.netMinor"),
        t("analytics.columns.orders"),
        t("analytics.columns.aov"),
        t("analytics.columns.newCustomers"),
        t("analytics.columns.cost"),
        t("analytics.columns.roas"),
        t("analytics.columns.roi"),
        t("analytics.columns.cac"),
      ]}
      rows={groups.map((g) => [
        labelKey === "tier" ? t(`creators.tiers.${g.group}`) : t(`analytics.compensation.${g.group}`),
        formatCount(g.creators, locale),
        formatMoney(g.metrics.netMinor, currency, locale),
        formatCount(g.metrics.orders, locale),
        <MetricValue key="aov" value={g.metrics.aov} format="money" currency={currency} />,
        formatCount(g.metrics.newCustomers, locale),
        formatMoney(g.metrics.cost.totalMinor, currency, locale),
        <MetricValue key="roas" value={g.metrics.roas} format="multiple" currency={currency} />,
        <MetricValue key="roi" value={g.metrics.roi} format="percent" currency={currency} />,
        <MetricValue key="cac" value={g.metrics.cac} format="money" currency={currency} />,
      ])}
    />
  );
}

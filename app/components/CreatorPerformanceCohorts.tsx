import { BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { CreatorPerformance } from "~/queries/get-creator-performance.server";
import { useI18n } from "../i18n/i18n-context";
import { ClvTable } from "./analytics/ClvTable";
import { ExportButton } from "./analytics/ExportButton";
import { formatMoney } from "./analytics/format";
import { MetricValue } from "./analytics/MetricValue";

const MAX_MONTH_COLUMNS = 12;

/** CLV curve against all creators, repeat rates, and the cohort table by acquisition month (from the cohort snapshot). */
export function CreatorPerformanceCohorts({ data, search }: { data: CreatorPerformance; search: URLSearchParams }) {
  const { t, locale } = useI18n();
  const { cohorts, currencyCode: currency } = data;
  const months = Math.min(MAX_MONTH_COLUMNS, Math.max(0, ...cohorts.table.map((r) => r.cells.length)));
  const exportSearch = new URLSearchParams(search);
  exportSearch.set("creator", data.creator.id);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("analytics.cohorts.title")}
          </Text>
          <ExportButton table="creator-cohorts" search={exportSearch} />
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {cohorts.asOf
            ? t("analytics.clv.asOf", {
                when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: data.timeZone }).format(new Date(cohorts.asOf)),
              })
            : t("analytics.clv.pending")}
        </Text>
        {cohorts.customers === 0 ? (
          <Text as="p" tone="subdued">
            {t("analytics.cohorts.none")}
          </Text>
        ) : (
          <>
            <ClvTable
              rows={[
                { key: "creator", label: data.creator.name, customers: cohorts.customers, clv: cohorts.clv },
                ...(cohorts.allCreatorsClv.length
                  ? [{ key: "all-creators", label: t("analytics.cohorts.allCreators"), customers: cohorts.allCreatorsCustomers, clv: cohorts.allCreatorsClv }]
                  : []),
              ]}
              groupHeading={t("analytics.cohorts.who")}
              currency={currency}
            />
            <DataTable
              columnContentTypes={["text", ...cohorts.repeat.map(() => "numeric" as const)]}
              headings={[t("analytics.cohorts.repeatRate"), ...cohorts.repeat.map((r) => t("analytics.clv.horizon", { days: r.days }))]}
              rows={[
                [
                  data.creator.name,
                  ...cohorts.repeat.map((r) => (
                    <span key={r.days} data-repeat-days={r.days}>
                      <MetricValue value={r.rate} format="percent" currency={currency} />{" "}
                      <Text as="span" variant="bodySm" tone="subdued">
                        {t("analytics.cohorts.repeaters", { repeat: r.repeatCustomers, count: r.eligibleCustomers })}
                      </Text>
                    </span>
                  )),
                ],
              ]}
            />
            <Text as="h3" variant="headingSm">
              {t("analytics.cohorts.tableTitle")}
            </Text>
            <DataTable
              columnContentTypes={["text", "numeric", ...Array.from({ length: months }, () => "numeric" as const)]}
              headings={[
                t("analytics.cohorts.month"),
                t("analytics.cohorts.customers"),
                ...Array.from({ length: months }, (_, i) => t("analytics.cohorts.monthOffset", { month: i })),
              ]}
              rows={cohorts.table.map((row) => [
                row.cohortMonth,
                String(row.customers),
                ...Array.from({ length: months }, (_, i) => {
                  const cell = row.cells[i];
                  if (!cell) return "";
                  const value = `${formatMoney(cell.cumulativeNetPerCustomerMinor, currency, locale)} · ${new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(cell.retention)}`;
                  return cell.partial ? `${value} *` : value;
                }),
              ])}
              footerContent={t("analytics.cohorts.legend")}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}

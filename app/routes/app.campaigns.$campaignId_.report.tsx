// A campaign's report: its creators' KPIs, budget against spend, and the incremental shop sales of its window against
// a weekday baseline of the weeks before, with the interval and a plain-language caveat when it cannot be trusted.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, DataTable, InlineGrid, InlineStack, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { Link } from "@remix-run/react";
import { ExportableCard } from "../components/analytics/ExportableCard";
import { formatCount, formatDay, formatMoney } from "../components/analytics/format";
import { MetricValue } from "../components/analytics/MetricValue";
import { withLocale } from "../components/AdminFrame";
import { ResourceErrorBoundary } from "../components/ResourceErrorBoundary";
import { TierBadge } from "../components/creators/TierBadge";
import { TrendChart } from "../components/TrendChart";
import { requireAdminContext } from "../auth/admin-context.server";
import { useI18n } from "../i18n/i18n-context";
import { getCampaignReport } from "../queries/get-campaign-report.server";
import { timed } from "../queries/timed.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const { value, headers } = await timed(() => getCampaignReport(shop, params.campaignId ?? ""));
  return json(value, { headers });
}

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        <span data-figure={testId}>{children}</span>
      </Text>
    </BlockStack>
  );
}

function IncrementalSection() {
  const report = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const money = (minor: number) => formatMoney(minor, report.currencyCode, locale);
  const inc = report.incremental;
  if (inc.state === "not_started") {
    return <Banner tone="info">{t("analytics.campaign.notStarted", { day: formatDay(inc.startsOn, locale, "medium") })}</Banner>;
  }
  const r = inc.result;
  return (
    <BlockStack gap="300">
      {r.verdict === "too_short" && <Banner tone="warning" title={t("analytics.campaign.tooShortTitle")}>{t("analytics.campaign.tooShort")}</Banner>}
      {r.verdict === "too_noisy" && <Banner tone="warning" title={t("analytics.campaign.tooNoisyTitle")}>{t("analytics.campaign.tooNoisy")}</Banner>}
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        <Figure label={t("analytics.campaign.actual")} testId="actual">
          {money(r.actualMinor)}
        </Figure>
        <Figure label={t("analytics.campaign.forecast")} testId="forecast">
          {r.forecastMinor === null ? "—" : money(r.forecastMinor)}
        </Figure>
        <Figure label={t("analytics.campaign.incremental")} testId="incremental">
          {r.incrementalMinor === null ? "—" : money(r.incrementalMinor)}
        </Figure>
        <Figure label={t("analytics.campaign.lift")}>
          <MetricValue value={r.lift} format="percent" currency={report.currencyCode} />
        </Figure>
      </InlineGrid>
      {r.verdict !== "too_short" && r.lowMinor !== null && r.highMinor !== null && (
        <Text as="p">
          {t(r.verdict === "ok" ? "analytics.campaign.intervalOk" : "analytics.campaign.intervalNoisy", {
            low: money(r.lowMinor),
            high: money(r.highMinor),
            weeks: inc.fitWeeks ?? 0,
            from: inc.fitFrom ? formatDay(inc.fitFrom, locale, "medium") : "",
            to: inc.fitTo ? formatDay(inc.fitTo, locale, "medium") : "",
          })}
        </Text>
      )}
      <TrendChart
        title={t("analytics.campaign.chartTitle")}
        description={t("analytics.trend.description")}
        labels={inc.days.map((d) => formatDay(d.day, locale))}
        bars={{ label: t("analytics.campaign.actual"), values: inc.days.map((d) => d.actualMinor), format: money }}
        line={
          r.verdict === "too_short"
            ? undefined
            : { label: t("analytics.campaign.forecast"), values: inc.days.map((d) => d.forecastMinor ?? 0), format: money, sameScale: true }
        }
      />
      <Text as="p" tone="subdued" variant="bodySm">
        {t("analytics.campaign.method")}
      </Text>
    </BlockStack>
  );
}

export default function CampaignReportPage() {
  const report = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const [searchParams] = useSearchParams();
  const currency = report.currencyCode;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const count = (n: number) => formatCount(n, locale);
  const exportSearch = new URLSearchParams(searchParams);
  exportSearch.set("campaign", report.campaign.id);
  const b = report.budget;
  return (
    <Page
      title={t("analytics.campaign.title", { name: report.campaign.name })}
      subtitle={
        report.campaign.endsOn
          ? t("analytics.campaign.dates", { from: formatDay(report.campaign.startsOn, locale, "medium"), to: formatDay(report.campaign.endsOn, locale, "medium") })
          : t("analytics.campaign.openDates", { from: formatDay(report.campaign.startsOn, locale, "medium") })
      }
      titleMetadata={<Badge>{t(`analytics.compensation.${report.campaign.compensationType}`)}</Badge>}
      backAction={{ content: report.campaign.name, url: withLocale(`/app/campaigns/${report.campaign.id}`, locale) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued" variant="bodySm">
              {t("analytics.attributionShort", { model: t(`analytics.models.${report.attributionModel}`) })}
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
              <Card>
                <Figure label={t("analytics.kpis.netSales")} testId="net">
                  {money(report.totals.netMinor)}
                </Figure>
              </Card>
              <Card>
                <Figure label={t("analytics.kpis.orders")} testId="orders">
                  {count(report.totals.orders)}
                </Figure>
              </Card>
              <Card>
                <Figure label={t("analytics.kpis.roas")} testId="roas">
                  <MetricValue value={report.totals.roas} format="multiple" currency={currency} />
                </Figure>
              </Card>
              <Card>
                <Figure label={t("analytics.kpis.cac")} testId="cac">
                  <MetricValue value={report.totals.cac} format="money" currency={currency} />
                </Figure>
              </Card>
            </InlineGrid>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("analytics.campaign.budgetTitle")}
                </Text>
                {b.share === null ? (
                  <Text as="p">{t("analytics.campaign.noBudget", { spend: money(b.spendMinor) })}</Text>
                ) : (
                  <>
                    <Text as="p">
                      <span data-figure="spend">
                        {t("analytics.campaign.budgetUse", {
                          spend: money(b.spendMinor),
                          budget: money(b.budgetMinor),
                          share: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(b.share),
                        })}
                      </span>
                    </Text>
                    <ProgressBar progress={Math.min(100, Math.max(0, b.share * 100))} tone={b.share > 1 ? "critical" : "primary"} />
                    {b.remainingMinor < 0 && <Banner tone="warning">{t("analytics.campaign.overBudget", { over: money(-b.remainingMinor) })}</Banner>}
                  </>
                )}
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("analytics.campaign.costBreakdown", {
                    fees: money(report.totals.cost.feesMinor),
                    commission: money(report.totals.cost.commissionMinor),
                    gifted: money(report.totals.cost.giftedMinor),
                    shipping: money(report.totals.cost.shippingMinor),
                  })}
                </Text>
              </BlockStack>
            </Card>
            <ExportableCard title={t("analytics.campaign.incrementalTitle")} table="campaign-days" search={exportSearch}>
              <IncrementalSection />
            </ExportableCard>
            <ExportableCard title={t("analytics.campaign.creatorsTitle")} table="campaign-creators" search={exportSearch}>
              {report.creators.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("analytics.campaign.noCreators")}
                </Text>
              ) : (
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                  headings={[
                    t("analytics.columns.name"),
                    t("analytics.columns.tier"),
                    t("analytics.columns.netMinor"),
                    t("analytics.columns.orders"),
                    t("analytics.columns.aov"),
                    t("analytics.columns.linkConversion"),
                    t("analytics.columns.newCustomers"),
                    t("analytics.columns.cost"),
                    t("analytics.columns.roas"),
                    t("analytics.columns.roi"),
                  ]}
                  rows={report.creators.map((r) => [
                    <Link key="name" to={withLocale(`/app/creators/${r.creator.id}/performance`, locale)} data-creator-link={r.creator.id}>
                      {r.creator.name || t("analytics.leaderboard.unknownCreator")}
                    </Link>,
                    r.creator.tier ? <TierBadge key="tier" tier={r.creator.tier} /> : "",
                    <span key="net" data-creator-net={r.creator.id}>
                      {money(r.metrics.netMinor)}
                    </span>,
                    count(r.metrics.orders),
                    <MetricValue key="aov" value={r.metrics.aov} format="money" currency={currency} />,
                    <MetricValue key="conv" value={r.metrics.linkConversion} format="percent" currency={currency} />,
                    count(r.metrics.newCustomers),
                    money(r.metrics.cost.totalMinor),
                    <MetricValue key="roas" value={r.metrics.roas} format="multiple" currency={currency} />,
                    <MetricValue key="roi" value={r.metrics.roi} format="percent" currency={currency} />,
                  ])}
                />
              )}
            </ExportableCard>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = ResourceErrorBoundary;

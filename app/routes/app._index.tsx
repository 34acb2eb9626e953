// The dashboard: credited sales, cost and returns of the period against the previous one, the daily trend, the
// creator leaderboard, tier and compensation comparisons, and CLV by acquisition channel. Before the shop has
// creators and sales, the getting-started card.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { AnalyticsSkeleton, useReloading } from "../components/analytics/AnalyticsSkeleton";
import { ClvTable } from "../components/analytics/ClvTable";
import { CreatorLeaderboardTable } from "../components/analytics/CreatorLeaderboardTable";
import { DateRangeForm } from "../components/analytics/DateRangeForm";
import { ExportButton } from "../components/analytics/ExportButton";
import { ExportableCard } from "../components/analytics/ExportableCard";
import { formatCount, formatDay, formatMoney } from "../components/analytics/format";
import { GettingStartedCard } from "../components/analytics/GettingStartedCard";
import { GroupComparisonTable } from "../components/analytics/GroupComparisonTable";
import { KpiCards } from "../components/analytics/KpiCards";
import { withLocale } from "../components/AdminFrame";
import { TrendChart } from "../components/TrendChart";
import { requireAdminContext } from "../auth/admin-context.server";
import { useI18n } from "../i18n/i18n-context";
import { leaderboardParamsSchema, parseSearchParams } from "../queries/analytics-params";
import { refreshCohortSnapshotsNow } from "../queries/cohort-snapshots.server";
import { getDashboard } from "../queries/get-dashboard.server";
import { timed } from "../queries/timed.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const { params, error } = parseSearchParams(leaderboardParamsSchema, new URL(request.url).searchParams);
  const { value, headers } = await timed(() => getDashboard(shop, params));
  return json({ data: value, paramError: error }, { headers });
}

const actionSchema = z.object({ intent: z.literal("refresh-cohorts") });

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: "Unknown action: expected intent=refresh-cohorts" }, { status: 400 });
  return json({ refreshed: await refreshCohortSnapshotsNow(shop) });
}

export default function Dashboard() {
  const { data, paramError } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const reloading = useReloading();
  const [searchParams] = useSearchParams();
  const fetcher = useFetcher<typeof action>();

  if (data.state === "empty") {
    return (
      <Page title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
        <Layout>
          <GettingStartedCard overview={data.overview} />
        </Layout>
      </Page>
    );
  }

  const currency = data.currencyCode;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const share = data.shopNetMinor > 0 ? data.current.netMinor / data.shopNetMinor : null;
  const clv = data.clvByChannel;
  return (
    <Page
      title={t("dashboard.title")}
      subtitle={t("dashboard.subtitle")}
      secondaryActions={[{ content: t("analytics.settingsLink"), url: withLocale("/app/settings", locale) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {paramError && <Banner tone="warning">{t("analytics.errors.badParams", { detail: paramError })}</Banner>}
            {data.rangeError && <Banner tone="warning">{t("analytics.errors.badRange", { detail: data.rangeError })}</Banner>}
            <Card>
              <BlockStack gap="300">
                <DateRangeForm range={data.range} />
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("analytics.attribution", {
                    model: t(`analytics.models.${data.attributionModel}`),
                    days: data.attributionWindowDays,
                  })}{" "}
                  <Link to={withLocale("/app/settings", locale)}>{t("analytics.changeModel")}</Link>
                </Text>
              </BlockStack>
            </Card>
            {reloading ? (
              <AnalyticsSkeleton />
            ) : (
              <>
                <KpiCards cards={data.kpis} currency={currency} />
                <Text as="p" tone="subdued" variant="bodySm">
                  {share === null
                    ? t("analytics.shareNone")
                    : t("analytics.share", { share: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share), total: money(data.shopNetMinor) })}
                </Text>
              </>
            )}
          </BlockStack>
        </Layout.Section>
        {!reloading && (
          <>
            <Layout.Section>
              <ExportableCard title={t("analytics.trend.title")} table="trend" search={searchParams}>
                <TrendChart
                  title={t("analytics.trend.title")}
                  description={t("analytics.trend.description")}
                  labels={data.trend.map((p) => formatDay(p.day, locale))}
                  bars={{ label: t("analytics.trend.net"), values: data.trend.map((p) => p.netMinor), format: money }}
                  line={{ label: t("analytics.trend.orders"), values: data.trend.map((p) => p.orders), format: (n) => formatCount(n, locale) }}
                />
              </ExportableCard>
            </Layout.Section>
            <Layout.Section>
              <Card padding="0">
                <BlockStack gap="0">
                  <div style={{ padding: "16px 16px 0" }}>
                    <InlineStack align="space-between" blockAlign="center">
                      <Text as="h2" variant="headingMd">
                        {t("analytics.leaderboard.title")}
                      </Text>
                      <ExportButton table="leaderboard" search={searchParams} />
                    </InlineStack>
                  </div>
                  <CreatorLeaderboardTable leaderboard={data.leaderboard} currency={currency} />
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <ExportableCard title={t("analytics.groups.byTier")} table="tiers" search={searchParams}>
                <GroupComparisonTable groups={data.byTier} labelKey="tier" currency={currency} />
              </ExportableCard>
            </Layout.Section>
            <Layout.Section>
              <ExportableCard title={t("analytics.groups.byCompensation")} table="compensation" search={searchParams}>
                <GroupComparisonTable groups={data.byCompensation} labelKey="compensation" currency={currency} />
              </ExportableCard>
            </Layout.Section>
            <Layout.Section>
              <Card>
                <BlockStack gap="300">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {t("analytics.clv.title")}
                    </Text>
                    <InlineStack gap="200">
                      <fetcher.Form method="post">
                        <input type="hidden" name="intent" value="refresh-cohorts" />
                        <Button submit loading={fetcher.state !== "idle"}>
                          {t("analytics.clv.refresh")}
                        </Button>
                      </fetcher.Form>
                      <ExportButton table="channels" search={searchParams} />
                    </InlineStack>
                  </InlineStack>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {clv.asOf
                      ? t(clv.state === "stale" ? "analytics.clv.staleAsOf" : "analytics.clv.asOf", {
                          when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: data.timeZone }).format(new Date(clv.asOf)),
                        })
                      : t("analytics.clv.pending")}
                  </Text>
                  {fetcher.data && "refreshed" in fetcher.data && fetcher.data.refreshed === "requested" && (
                    <Banner tone="info">{t("analytics.clv.requested")}</Banner>
                  )}
                  {clv.channels.length === 0 ? (
                    <Text as="p" tone="subdued">
                      {t("analytics.clv.empty")}
                    </Text>
                  ) : (
                    <ClvTable
                      rows={clv.channels.map((c) => ({ key: c.channel, label: t(`analytics.channels.${c.channel}`), customers: c.customers, clv: c.clv }))}
                      groupHeading={t("analytics.clv.channel")}
                      currency={currency}
                    />
                  )}
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t("analytics.clv.note")}
                  </Text>
                </BlockStack>
              </Card>
            </Layout.Section>
          </>
        )}
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../components/ResourceErrorBoundary";

// A creator's performance: KPIs against the previous period, funnel, AOV against the shop, trend, CLV and cohorts,
// editable collaboration costs, credited orders with their attribution explanation, codes and links.
// (Its own page beside the creator form at /app/creators/:id, which links here.)
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { AnalyticsSkeleton, useReloading } from "../components/analytics/AnalyticsSkeleton";
import { DateRangeForm } from "../components/analytics/DateRangeForm";
import { formatCount, formatDay, formatMoney } from "../components/analytics/format";
import { KpiCards } from "../components/analytics/KpiCards";
import { withLocale } from "../components/AdminFrame";
import { CreatorPerformanceAssets } from "../components/CreatorPerformanceAssets";
import { CreatorPerformanceCohorts } from "../components/CreatorPerformanceCohorts";
import { CreatorPerformanceCosts, type CostsActionData } from "../components/CreatorPerformanceCosts";
import { CreatorPerformanceFunnel } from "../components/CreatorPerformanceFunnel";
import { CreatorPerformanceOrders } from "../components/CreatorPerformanceOrders";
import { ResourceErrorBoundary } from "../components/ResourceErrorBoundary";
import { TierBadge } from "../components/creators/TierBadge";
import { TrendChart } from "../components/TrendChart";
import { requireAdminContext } from "../auth/admin-context.server";
import { useI18n } from "../i18n/i18n-context";
import { updateCollaborationCosts } from "../models/collaboration-costs.server";
import { getShopSettings } from "../models/settings.server";
import { pageParamsSchema, parseSearchParams } from "../queries/analytics-params";
import { parseCollaborationCosts } from "../queries/collaboration-costs-input";
import { getCreatorPerformance } from "../queries/get-creator-performance.server";
import { timed } from "../queries/timed.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const { params: query, error } = parseSearchParams(pageParamsSchema, new URL(request.url).searchParams);
  const { value, headers } = await timed(() => getCreatorPerformance(shop, params.creatorId ?? "", query));
  return json({ data: value, paramError: error }, { headers });
}

const costsForm = z.object({
  intent: z.literal("costs"),
  collaborationId: z.string().min(1).max(64),
  fee: z.string().max(32).default(""),
  commission: z.string().max(16).default(""),
  gifted: z.string().max(32).default(""),
  shipping: z.string().max(32).default(""),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const form = costsForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response(`Invalid form: ${form.error.issues[0]?.path.join(".")} ${form.error.issues[0]?.message}`, { status: 400 });
  const { currencyCode } = await getShopSettings(shop);
  const parsed = parseCollaborationCosts(form.data, currencyCode);
  if (!parsed.ok) return json<CostsActionData>({ ok: false, collaborationId: form.data.collaborationId, errors: parsed.errors }, { status: 422 });
  await updateCollaborationCosts(shop, params.creatorId ?? "", form.data.collaborationId, parsed.value);
  return json<CostsActionData>({ ok: true, collaborationId: form.data.collaborationId });
}

export default function CreatorPerformancePage() {
  const { data, paramError } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const reloading = useReloading();
  const [searchParams] = useSearchParams();
  const currency = data.currencyCode;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const platforms = data.creator.platforms.map((p) => `${p.platform} ${formatCount(p.followers, locale)}`).join(" · ");
  return (
    <Page
      title={data.creator.name}
      subtitle={`@${data.creator.handle}${platforms ? ` · ${platforms}` : ""}`}
      titleMetadata={<TierBadge tier={data.creator.tier} />}
      backAction={{ content: t("analytics.creator.back"), url: withLocale(`/app/creators/${data.creator.id}`, locale) }}
      secondaryActions={[{ content: t("dashboard.title"), url: withLocale("/app", locale) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {paramError && <Banner tone="warning">{t("analytics.errors.badParams", { detail: paramError })}</Banner>}
            {data.rangeError && <Banner tone="warning">{t("analytics.errors.badRange", { detail: data.rangeError })}</Banner>}
            {data.creator.status === "archived" && <Banner tone="info">{t("analytics.creator.archived")}</Banner>}
            <Card>
              <BlockStack gap="200">
                <DateRangeForm range={data.range} />
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("analytics.attributionShort", { model: t(`analytics.models.${data.attributionModel}`) })}
                </Text>
              </BlockStack>
            </Card>
            {reloading ? (
              <AnalyticsSkeleton />
            ) : (
              <>
                <KpiCards cards={data.kpis} currency={currency} />
                <CreatorPerformanceFunnel current={data.current} shopAov={data.shopAov} currency={currency} byCustomer={data.ordersByCustomer} />
                <Card>
                  <BlockStack gap="300">
                    <InlineStack align="space-between">
                      <Text as="h2" variant="headingMd">
                        {t("analytics.trend.title")}
                      </Text>
                    </InlineStack>
                    <TrendChart
                      title={t("analytics.trend.title")}
                      description={t("analytics.trend.description")}
                      labels={data.trend.map((p) => formatDay(p.day, locale))}
                      bars={{ label: t("analytics.trend.net"), values: data.trend.map((p) => p.netMinor), format: money }}
                      line={{ label: t("analytics.trend.orders"), values: data.trend.map((p) => p.orders), format: (n) => formatCount(n, locale) }}
                    />
                  </BlockStack>
                </Card>
                <CreatorPerformanceCohorts data={data} search={searchParams} />
                <CreatorPerformanceCosts data={data} search={searchParams} />
                <CreatorPerformanceOrders data={data} />
                <CreatorPerformanceAssets data={data} />
              </>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export const ErrorBoundary = ResourceErrorBoundary;

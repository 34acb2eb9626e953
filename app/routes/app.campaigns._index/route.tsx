import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  Card,
  EmptyState,
  IndexFilters,
  IndexTable,
  Layout,
  Link as PolarisLink,
  Page,
  Text,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
  type TabProps,
} from "@shopify/polaris";
import { useDebouncedSearch } from "../../components/use-debounced-search";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { campaignListSearch, CAMPAIGN_LIST_TABS, parseCampaignListParams, type CampaignListParams } from "../../components/campaigns/campaign-list-params";
import { addDays, dayKey } from "../../domain/dates";
import { formatMinor } from "../../domain/money";
import { useI18n } from "../../i18n/i18n-context";
import { MESSAGES } from "../../i18n/locales";
import { createTranslator } from "../../i18n/translate";
import { getCampaignFormContext, listCampaigns } from "../../models/campaign.server";

// Dates and amounts are formatted here, once, so the page hydrates with the server's text (Intl output differs between
// Node's and the browser's ICU, and the browser's zone is not the shop's).
function formatDates(startsOn: string | null, endsOn: string | null, locale: string, t: (key: string, vars?: Record<string, string>) => string): string {
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  if (startsOn && endsOn) return dayFormat.formatRange(at(startsOn), at(endsOn));
  if (startsOn) return t("campaigns.from", { date: dayFormat.format(at(startsOn)) });
  if (endsOn) return t("campaigns.until", { date: dayFormat.format(at(endsOn)) });
  return t("campaigns.noDates");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  const t = createTranslator(MESSAGES[locale], locale);
  const params = parseCampaignListParams(new URL(request.url).searchParams);
  if ("error" in params) return json({ ok: false as const, error: params.error }, { status: 400 });
  const { currencyCode, timeZone } = await getCampaignFormContext(shop);
  const status = params.tab === "current" ? undefined : params.tab;
  const page = await listCampaigns(shop, { ...params, status });
  return json({
    ok: true as const,
    params,
    currencyCode,
    total: page.total,
    items: page.items.map((campaign) => ({
      id: campaign.id,
      name: campaign.name,
      slug: campaign.slug,
      objective: campaign.objective,
      status: campaign.status,
      compensationType: campaign.compensationType,
      budgetMinor: campaign.budgetMinor,
      collaborators: campaign.collaborators,
      budget: campaign.budgetMinor > 0 ? formatMinor(campaign.budgetMinor, currencyCode, locale) : "—",
      // Days in the shop's zone; endsAt is exclusive, so the last day is the one before it.
      dates: formatDates(
        campaign.startsAt ? dayKey(campaign.startsAt, timeZone) : null,
        campaign.endsAt ? addDays(dayKey(campaign.endsAt, timeZone), -1) : null,
        locale,
        t,
      ),
    })),
  });
}

const STATUS_TONES: Record<string, "success" | "info" | "attention" | undefined> = { active: "success", draft: "info", ended: undefined, archived: undefined };

export default function CampaignsIndex() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { mode, setMode } = useSetIndexFiltersMode();
  const defaults = parseCampaignListParams(new URLSearchParams()) as CampaignListParams;
  const params = data.ok ? data.params : defaults;
  const items = data.ok ? data.items : [];
  const total = data.ok ? data.total : 0;
  const go = (next: Partial<CampaignListParams>) => navigate(campaignListSearch(searchParams, { page: 1, ...next }), { preventScrollReset: true });

  const [queryValue, setQueryValue] = useDebouncedSearch(params.query, (query) => go({ query }));

  const tabs: TabProps[] = CAMPAIGN_LIST_TABS.map((tab, index) => ({ id: `campaigns-${tab}`, index, content: t(`campaigns.tabs.${tab}`), onAction: () => go({ tab }), isLocked: true }));
  const sortOptions: IndexFiltersProps["sortOptions"] = [
    { label: t("campaigns.sort.createdAt"), value: "createdAt desc", directionLabel: t("campaigns.sort.newest") },
    { label: t("campaigns.sort.createdAt"), value: "createdAt asc", directionLabel: t("campaigns.sort.oldest") },
    { label: t("campaigns.sort.name"), value: "name asc", directionLabel: t("campaigns.sort.az") },
    { label: t("campaigns.sort.name"), value: "name desc", directionLabel: t("campaigns.sort.za") },
    { label: t("campaigns.sort.startsAt"), value: "startsAt asc", directionLabel: t("campaigns.sort.earliest") },
    { label: t("campaigns.sort.startsAt"), value: "startsAt desc", directionLabel: t("campaigns.sort.latest") },
  ];

  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const primaryAction = { content: t("campaigns.add"), url: withLocale("/app/campaigns/new", locale) };
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/campaigns";

  if (data.ok && total === 0 && params.query === "" && params.tab === "current") {
    return (
      <Page title={t("campaigns.title")} subtitle={t("campaigns.subtitle")} primaryAction={primaryAction}>
        <Card>
          <EmptyState heading={t("campaigns.empty.heading")} action={primaryAction} image="">
            <p>{t("campaigns.empty.body")}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  return (
    <Page title={t("campaigns.title")} subtitle={t("campaigns.subtitle")} primaryAction={primaryAction} fullWidth>
      <Layout>
        {!data.ok && (
          <Layout.Section>
            <Banner tone="critical" action={{ content: t("campaigns.tabs.current"), url: withLocale("/app/campaigns", locale) }}>
              {t("creators.invalidParams", { details: data.error })}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <IndexFilters
              sortOptions={sortOptions}
              sortSelected={[`${params.sort} ${params.direction}`]}
              onSort={(values) => {
                const [sort, direction] = (values[0] ?? "createdAt desc").split(" ") as [CampaignListParams["sort"], CampaignListParams["direction"]];
                go({ sort, direction });
              }}
              queryValue={queryValue}
              queryPlaceholder={t("campaigns.searchPlaceholder")}
              onQueryChange={setQueryValue}
              onQueryClear={() => {
                setQueryValue("");
                go({ query: "" });
              }}
              cancelAction={{ onAction: () => undefined }}
              tabs={tabs}
              selected={Math.max(0, CAMPAIGN_LIST_TABS.indexOf(params.tab))}
              onSelect={() => undefined}
              canCreateNewView={false}
              filters={[]}
              appliedFilters={[]}
              onClearAll={() => go({ query: "" })}
              hideFilters
              mode={mode}
              setMode={setMode}
              loading={loading}
            />
            <IndexTable
              resourceName={{ singular: t("campaigns.resourceName.singular"), plural: t("campaigns.resourceName.plural") }}
              itemCount={items.length}
              selectable={false}
              loading={loading}
              emptyState={
                <EmptyState heading={t("campaigns.empty.noMatchHeading")} image="">
                  <p>{t("campaigns.empty.noMatchBody")}</p>
                </EmptyState>
              }
              headings={[
                { title: t("campaigns.columns.name") },
                { title: t("campaigns.columns.objective") },
                { title: t("campaigns.columns.status") },
                { title: t("campaigns.columns.dates") },
                { title: t("campaigns.columns.budget"), alignment: "end" },
                { title: t("campaigns.columns.compensation") },
                { title: t("campaigns.columns.creators"), alignment: "end" },
              ]}
              pagination={{
                hasPrevious: params.page > 1,
                hasNext: params.page < pages,
                onPrevious: () => go({ page: params.page - 1 }),
                onNext: () => go({ page: params.page + 1 }),
                label: t("campaigns.pageLabel", { page: params.page, pages, total }),
              }}
            >
              {items.map((campaign, index) => (
                <IndexTable.Row id={campaign.id} key={campaign.id} position={index}>
                  <IndexTable.Cell>
                    <PolarisLink url={withLocale(`/app/campaigns/${campaign.id}`, locale)} removeUnderline dataPrimaryLink>
                      <Text as="span" fontWeight="semibold">
                        {campaign.name}
                      </Text>
                    </PolarisLink>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{t(`campaigns.objectives.${campaign.objective}`)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={STATUS_TONES[campaign.status]}>{t(`campaigns.statuses.${campaign.status}`)}</Badge>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{campaign.dates}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {campaign.budget}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{t(`campaigns.compensation.${campaign.compensationType}`)}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {campaign.collaborators}
                    </Text>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";

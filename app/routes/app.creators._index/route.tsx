import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Banner,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexTable,
  InlineStack,
  Layout,
  Link as PolarisLink,
  Page,
  Text,
  useIndexResourceState,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
  type TabProps,
} from "@shopify/polaris";
import { useEffect } from "react";
import { useDebouncedSearch } from "../../components/use-debounced-search";
import { z } from "zod";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { creatorListSearch, CREATOR_LIST_STATUSES, InvalidListParamsError, parseCreatorListParams, type CreatorListParams } from "../../components/creators/creator-list-params";
import { formatAudience } from "../../components/creators/format-audience";
import { TierBadge } from "../../components/creators/TierBadge";
import { PLATFORMS, TIERS, type Platform, type Tier } from "../../domain/creators";
import { useI18n } from "../../i18n/i18n-context";
import { archiveCreators, listCreators } from "../../models/creator.server";
import { getShop } from "../../models/shop.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  let params: CreatorListParams;
  try {
    params = parseCreatorListParams(new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof InvalidListParamsError) return json({ ok: false as const, error: error.message }, { status: 400 });
    throw error;
  }
  const [page, facts] = await Promise.all([listCreators(shop, params), getShop(shop)]);
  // Formatted here, in the shop's zone, so the page hydrates with the server's text whatever the browser's zone.
  const added = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: facts?.ianaTimezone ?? "UTC" });
  const numbers = new Intl.NumberFormat(locale);
  return json({
    ok: true as const,
    params,
    total: page.total,
    items: page.items.map((creator) => ({
      id: creator.id,
      name: creator.name,
      handle: creator.handle,
      email: creator.email,
      tier: creator.tier,
      status: creator.status,
      added: added.format(creator.createdAt),
      platforms: creator.platforms.map(({ platform, followers }) => ({ platform, followers: formatAudience(followers, locale) })),
      largestAudience: numbers.format(Math.max(0, ...creator.platforms.map((p) => p.followers))),
    })),
  });
}

const bulkSchema = z.object({
  intent: z.literal("archive"),
  ids: z.array(z.string().min(1).max(64)).min(1).max(250),
});

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const form = await request.formData();
  const parsed = bulkSchema.safeParse({ intent: form.get("intent"), ids: form.getAll("id") });
  if (!parsed.success) return json({ archived: 0, error: "Select at least one creator to archive." }, { status: 400 });
  return json({ archived: await archiveCreators(shop, parsed.data.ids), error: null });
}

type SortValue = `${CreatorListParams["sort"]} ${CreatorListParams["direction"]}`;

export default function CreatorsIndex() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const fetcher = useFetcher<typeof action>();
  const { mode, setMode } = useSetIndexFiltersMode();

  const params = data.ok ? data.params : parseCreatorListParams(new URLSearchParams());
  const items = data.ok ? data.items : [];
  const total = data.ok ? data.total : 0;
  const go = (next: Partial<CreatorListParams>) => navigate(creatorListSearch(searchParams, { page: 1, ...next }), { preventScrollReset: true });

  const [queryValue, setQueryValue] = useDebouncedSearch(params.query, (query) => go({ query }));

  const tabs: TabProps[] = CREATOR_LIST_STATUSES.map((status, index) => ({
    id: `creators-${status}`,
    index,
    content: t(`creators.tabs.${status}`),
    onAction: () => go({ status }),
    isLocked: true,
  }));

  const sortOptions: IndexFiltersProps["sortOptions"] = [
    { label: t("creators.sort.name"), value: "name asc", directionLabel: t("creators.sort.az") },
    { label: t("creators.sort.name"), value: "name desc", directionLabel: t("creators.sort.za") },
    { label: t("creators.sort.createdAt"), value: "createdAt desc", directionLabel: t("creators.sort.newest") },
    { label: t("creators.sort.createdAt"), value: "createdAt asc", directionLabel: t("creators.sort.oldest") },
    { label: t("creators.sort.followers"), value: "followers desc", directionLabel: t("creators.sort.most") },
    { label: t("creators.sort.followers"), value: "followers asc", directionLabel: t("creators.sort.fewest") },
    { label: t("creators.sort.tier"), value: "tier desc", directionLabel: t("creators.sort.highTier") },
    { label: t("creators.sort.tier"), value: "tier asc", directionLabel: t("creators.sort.lowTier") },
  ];
  const onSort = (values: string[]) => {
    const [sort, direction] = (values[0] ?? "createdAt desc").split(" ") as [CreatorListParams["sort"], CreatorListParams["direction"]];
    go({ sort, direction });
  };

  const filters: IndexFiltersProps["filters"] = [
    {
      key: "tier",
      label: t("creators.filters.tier"),
      shortcut: true,
      filter: (
        <ChoiceList
          title={t("creators.filters.tier")}
          titleHidden
          allowMultiple
          choices={TIERS.map((tier) => ({ label: t(`creators.tiers.${tier}`), value: tier }))}
          selected={params.tier}
          onChange={(selected) => go({ tier: selected as Tier[] })}
        />
      ),
    },
    {
      key: "platform",
      label: t("creators.filters.platform"),
      shortcut: true,
      filter: (
        <ChoiceList
          title={t("creators.filters.platform")}
          titleHidden
          allowMultiple
          choices={PLATFORMS.map((platform) => ({ label: t(`creators.platforms.${platform}`), value: platform }))}
          selected={params.platform}
          onChange={(selected) => go({ platform: selected as Platform[] })}
        />
      ),
    },
  ];
  const appliedFilters: IndexFiltersProps["appliedFilters"] = [];
  if (params.tier.length > 0) {
    appliedFilters.push({
      key: "tier",
      label: t("creators.filters.applied", { filter: t("creators.filters.tier"), values: params.tier.map((tier) => t(`creators.tiers.${tier}`)).join(", ") }),
      onRemove: () => go({ tier: [] }),
    });
  }
  if (params.platform.length > 0) {
    appliedFilters.push({
      key: "platform",
      label: t("creators.filters.applied", { filter: t("creators.filters.platform"), values: params.platform.map((p) => t(`creators.platforms.${p}`)).join(", ") }),
      onRemove: () => go({ platform: [] }),
    });
  }

  const resourceName = { singular: t("creators.resourceName.singular"), plural: t("creators.resourceName.plural") };
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(items);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.archived) clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const archiveSelected = () => {
    const form = new FormData();
    form.set("intent", "archive");
    for (const id of selectedResources) form.append("id", id);
    fetcher.submit(form, { method: "post" });
  };

  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const hasFilters = params.query !== "" || params.tier.length > 0 || params.platform.length > 0;
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/creators";

  const primaryAction = { content: t("creators.add"), url: withLocale("/app/creators/new", locale) };
  const secondaryActions = [{ content: t("creators.importCsv"), url: withLocale("/app/creators/import", locale) }];

  if (data.ok && total === 0 && !hasFilters && params.status === "active") {
    return (
      <Page title={t("creators.title")} subtitle={t("creators.subtitle")} primaryAction={primaryAction} secondaryActions={secondaryActions}>
        <Layout>
          <Layout.Section>
            <Card>
              <EmptyState
                heading={t("creators.empty.heading")}
                action={primaryAction}
                secondaryAction={secondaryActions[0]}
                image=""
              >
                <p>{t("creators.empty.body")}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    );
  }

  return (
    <Page title={t("creators.title")} subtitle={t("creators.subtitle")} primaryAction={primaryAction} secondaryActions={secondaryActions} fullWidth>
      <Layout>
        {!data.ok && (
          <Layout.Section>
            <Banner tone="critical" action={{ content: t("creators.tabs.active"), url: withLocale("/app/creators", locale) }}>
              {t("creators.invalidParams", { details: data.error })}
            </Banner>
          </Layout.Section>
        )}
        {fetcher.data?.error && (
          <Layout.Section>
            <Banner tone="critical">{fetcher.data.error}</Banner>
          </Layout.Section>
        )}
        {fetcher.state === "idle" && fetcher.data && fetcher.data.archived > 0 && (
          <Layout.Section>
            <Banner tone="success">{t("creators.archivedNotice", { count: fetcher.data.archived })}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <IndexFilters
              sortOptions={sortOptions}
              sortSelected={[`${params.sort} ${params.direction}` satisfies SortValue]}
              onSort={onSort}
              queryValue={queryValue}
              queryPlaceholder={t("creators.searchPlaceholder")}
              onQueryChange={setQueryValue}
              onQueryClear={() => {
                setQueryValue("");
                go({ query: "" });
              }}
              cancelAction={{ onAction: () => undefined }}
              tabs={tabs}
              selected={Math.max(0, CREATOR_LIST_STATUSES.indexOf(params.status))}
              onSelect={() => undefined}
              canCreateNewView={false}
              filters={filters}
              appliedFilters={appliedFilters}
              onClearAll={() => go({ tier: [], platform: [], query: "" })}
              mode={mode}
              setMode={setMode}
              loading={loading}
            />
            <IndexTable
              resourceName={resourceName}
              itemCount={items.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={params.status === "archived" ? [] : [{ content: t("creators.bulkArchive"), onAction: archiveSelected }]}
              loading={loading || fetcher.state !== "idle"}
              emptyState={
                <EmptyState heading={t("creators.empty.noMatchHeading")} image="">
                  <p>{t("creators.empty.noMatchBody")}</p>
                </EmptyState>
              }
              headings={[
                { title: t("creators.columns.name") },
                { title: t("creators.columns.handle") },
                { title: t("creators.columns.tier") },
                { title: t("creators.columns.platforms") },
                { title: t("creators.columns.audience"), alignment: "end" },
                { title: t("creators.columns.added") },
              ]}
              pagination={{
                hasPrevious: params.page > 1,
                hasNext: params.page < pages,
                onPrevious: () => go({ page: params.page - 1 }),
                onNext: () => go({ page: params.page + 1 }),
                label: t("creators.pageLabel", { page: params.page, pages, total }),
              }}
            >
              {items.map((creator, index) => (
                <IndexTable.Row id={creator.id} key={creator.id} position={index} selected={selectedResources.includes(creator.id)}>
                  <IndexTable.Cell>
                    <InlineStack gap="200" blockAlign="center">
                      <PolarisLink url={withLocale(`/app/creators/${creator.id}`, locale)} removeUnderline dataPrimaryLink>
                        <Text as="span" fontWeight="semibold">
                          {creator.name}
                        </Text>
                      </PolarisLink>
                      {creator.status === "archived" && <Text as="span" tone="subdued">({t("creators.archivedBadge")})</Text>}
                    </InlineStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>@{creator.handle}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <TierBadge tier={creator.tier} />
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {creator.platforms.length === 0 ? (
                      <Text as="span" tone="subdued">
                        {t("creators.noPlatform")}
                      </Text>
                    ) : (
                      creator.platforms.map((p) => `${t(`creators.platforms.${p.platform}`)} ${p.followers}`).join(" · ")
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {creator.largestAudience}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{creator.added}</IndexTable.Cell>
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

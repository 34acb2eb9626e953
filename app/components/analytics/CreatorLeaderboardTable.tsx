import { Link, useSearchParams } from "@remix-run/react";
import { BlockStack, Box, IndexTable, InlineStack, Pagination, Select, Text, type IndexTableProps } from "@shopify/polaris";
import type { CreatorLeaderboard } from "~/queries/get-creator-leaderboard.server";
import { COMPENSATION_TYPES, NO_CAMPAIGN, TIERS, type LeaderboardSort } from "~/queries/creator-leaderboard";
import { useI18n } from "../../i18n/i18n-context";
import { withLocale } from "../AdminFrame";
import { TierBadge } from "../creators/TierBadge";
import { formatCount, formatMoney } from "./format";
import { MetricValue } from "./MetricValue";

const COLUMNS: LeaderboardSort[] = [
  "name",
  "tier",
  "platform",
  "netMinor",
  "orders",
  "aov",
  "clicks",
  "linkConversion",
  "codeOrders",
  "newCustomers",
  "repeatOrders",
  "cost",
  "grossProfit",
  "roas",
  "roi",
  "cac",
];

/** The creator leaderboard: every column sortable, filters by campaign, tier, platform and compensation, paginated. */
export function CreatorLeaderboardTable({ leaderboard, currency }: { leaderboard: CreatorLeaderboard; currency: string }) {
  const { t, locale } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("page" in changes)) next.delete("page");
    setSearchParams(next, { preventScrollReset: true });
  };
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const count = (n: number) => formatCount(n, locale);
  const sortIndex = COLUMNS.indexOf(leaderboard.sort);
  const all = { label: t("analytics.leaderboard.filters.all"), value: "" };
  const f = leaderboard.filters;
  const pages = Math.max(1, Math.ceil(leaderboard.total / leaderboard.pageSize));

  return (
    <BlockStack gap="300">
      <Box paddingInline="400" paddingBlockStart="300">
        <InlineStack gap="300" wrap>
          <Select
            label={t("analytics.leaderboard.filters.campaign")}
            value={f.campaignId ?? ""}
            onChange={(value) => update({ campaign: value })}
            options={[all, ...leaderboard.options.campaigns.map((c) => ({ label: c.name, value: c.id }))]}
          />
          <Select
            label={t("analytics.leaderboard.filters.tier")}
            value={f.tier ?? ""}
            onChange={(value) => update({ tier: value })}
            options={[all, ...TIERS.map((tier) => ({ label: t(`creators.tiers.${tier}`), value: tier }))]}
          />
          <Select
            label={t("analytics.leaderboard.filters.platform")}
            value={f.platform ?? ""}
            onChange={(value) => update({ platform: value })}
            options={[all, ...leaderboard.options.platforms.map((p) => ({ label: p, value: p }))]}
          />
          <Select
            label={t("analytics.leaderboard.filters.compensation")}
            value={f.compensation ?? ""}
            onChange={(value) => update({ compensation: value })}
            options={[
              all,
              ...[...COMPENSATION_TYPES, NO_CAMPAIGN].map((c) => ({ label: t(`analytics.compensation.${c}`), value: c })),
            ]}
          />
        </InlineStack>
      </Box>
      <IndexTable
        resourceName={{ singular: t("analytics.leaderboard.creator"), plural: t("analytics.leaderboard.creators") }}
        itemCount={leaderboard.rows.length}
        selectable={false}
        headings={COLUMNS.map((column) => ({ title: t(`analytics.columns.${column}`), id: column })) as IndexTableProps["headings"]}
        sortable={COLUMNS.map(() => true)}
        sortColumnIndex={sortIndex < 0 ? undefined : sortIndex}
        sortDirection={leaderboard.direction === "asc" ? "ascending" : "descending"}
        defaultSortDirection="descending"
        onSort={(index, direction) => update({ sort: COLUMNS[index] ?? "netMinor", direction: direction === "ascending" ? "asc" : "desc" })}
        emptyState={
          <Box padding="600">
            <Text as="p" alignment="center" tone="subdued">
              {t("analytics.leaderboard.empty")}
            </Text>
          </Box>
        }
      >
        {leaderboard.rows.map((row, position) => {
          const m = row.metrics;
          return (
            <IndexTable.Row id={row.creator.id} key={row.creator.id} position={position}>
              <IndexTable.Cell>
                <Link to={withLocale(`/app/creators/${row.creator.id}/performance`, locale)} data-creator-link={row.creator.id}>
                  {row.creator.name || t("analytics.leaderboard.unknownCreator")}
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{row.creator.tier ? <TierBadge tier={row.creator.tier} /> : null}</IndexTable.Cell>
              <IndexTable.Cell>{row.creator.platform ?? ""}</IndexTable.Cell>
              <IndexTable.Cell>
                <span data-cell="net">{money(m.netMinor)}</span>
              </IndexTable.Cell>
              <IndexTable.Cell>{count(m.orders)}</IndexTable.Cell>
              <IndexTable.Cell>
                <MetricValue value={m.aov} format="money" currency={currency} />
              </IndexTable.Cell>
              <IndexTable.Cell>{count(m.clicks)}</IndexTable.Cell>
              <IndexTable.Cell>
                <MetricValue value={m.linkConversion} format="percent" currency={currency} />
              </IndexTable.Cell>
              <IndexTable.Cell>{count(m.codeOrders)}</IndexTable.Cell>
              <IndexTable.Cell>{count(m.newCustomers)}</IndexTable.Cell>
              <IndexTable.Cell>{count(m.repeatOrders)}</IndexTable.Cell>
              <IndexTable.Cell>{money(m.cost.totalMinor)}</IndexTable.Cell>
              <IndexTable.Cell>{money(m.grossProfitMinor)}</IndexTable.Cell>
              <IndexTable.Cell>
                <MetricValue value={m.roas} format="multiple" currency={currency} />
              </IndexTable.Cell>
              <IndexTable.Cell>
                <MetricValue value={m.roi} format="percent" currency={currency} />
              </IndexTable.Cell>
              <IndexTable.Cell>
                <MetricValue value={m.cac} format="money" currency={currency} />
              </IndexTable.Cell>
            </IndexTable.Row>
          );
        })}
      </IndexTable>
      <Box paddingInline="400" paddingBlockEnd="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="span" tone="subdued">
            {t("analytics.leaderboard.count", { count: leaderboard.total })}
          </Text>
          <Pagination
            hasPrevious={leaderboard.page > 1}
            hasNext={leaderboard.page < pages}
            onPrevious={() => update({ page: String(leaderboard.page - 1) })}
            onNext={() => update({ page: String(leaderboard.page + 1) })}
            label={t("analytics.leaderboard.page", { page: leaderboard.page, pages })}
          />
        </InlineStack>
      </Box>
    </BlockStack>
  );
}

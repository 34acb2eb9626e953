import { useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, InlineStack, List, Pagination, Text } from "@shopify/polaris";
import type { CreatorPerformance, CreditedOrderView } from "~/queries/get-creator-performance.server";
import { useI18n } from "../i18n/i18n-context";
import { ExportButton } from "./analytics/ExportButton";
import { formatMoney } from "./analytics/format";

function Explanation({ order, creatorId, names, timeZone }: { order: CreditedOrderView; creatorId: string; names: Record<string, string>; timeZone: string }) {
  const { t, locale } = useI18n();
  const e = order.explanation;
  if (e === null) return <Text as="p" tone="subdued">{t("analytics.explain.none")}</Text>;
  if (e === "unreadable") return <Text as="p" tone="critical">{t("analytics.explain.unreadable")}</Text>;
  const who = (id: string) => (id === creatorId ? t("analytics.explain.thisCreator") : (names[id] ?? t("analytics.explain.otherCreator")));
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  return (
    <BlockStack gap="200">
      <Text as="p">
        {t("analytics.explain.rule", {
          rule: t(`analytics.explain.rules.${e.winningRule}`),
          model: t(`analytics.models.${e.model}`),
          days: e.windowDays,
        })}
      </Text>
      <List>
        {e.signals.map((s, i) => (
          <List.Item key={i}>
            {t("analytics.explain.signal", {
              kind: t(`analytics.explain.kinds.${s.kind}`),
              who: who(s.creatorId),
              evidence: s.evidence ?? "—",
              when: when(s.at),
              status: t(`analytics.explain.status.${s.status}`),
            })}
            {s.decisive ? ` · ${t("analytics.explain.decisive")}` : ""}
          </List.Item>
        ))}
      </List>
      <Text as="p">
        {e.credits
          .map((c) =>
            c.role === "assist"
              ? t("analytics.explain.assist", { who: who(c.creatorId) })
              : t("analytics.explain.credit", {
                  who: who(c.creatorId),
                  share: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(c.ppm / 1_000_000),
                }),
          )
          .join(" · ")}
      </Text>
    </BlockStack>
  );
}

/** The creator's credited orders, newest first, each with the attribution explanation recorded at ingestion. */
export function CreatorPerformanceOrders({ data }: { data: CreatorPerformance }) {
  const { t, locale } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const { orders } = data;
  const pages = Math.max(1, Math.ceil(orders.total / orders.pageSize));
  const go = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    setSearchParams(next, { preventScrollReset: true });
  };
  const exportSearch = new URLSearchParams(searchParams);
  exportSearch.set("creator", data.creator.id);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("analytics.orders.title")}
          </Text>
          <ExportButton table="creator-orders" search={exportSearch} />
        </InlineStack>
        {orders.rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("analytics.orders.none")}
          </Text>
        ) : (
          orders.rows.map((order) => (
            <Box key={order.id} paddingBlockEnd="300" borderBlockEndWidth="025" borderColor="border">
              <details>
                <summary style={{ cursor: "pointer" }} data-order={order.name}>
                  <span style={{ display: "inline-flex", gap: 12, alignItems: "center", flexWrap: "wrap", verticalAlign: "middle" }}>
                    <Text as="span" fontWeight="semibold">
                      {order.name}
                    </Text>
                    <Text as="span" tone="subdued">
                      {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: data.timeZone }).format(new Date(order.processedAt))}
                    </Text>
                    <Text as="span">{formatMoney(order.netMinor, data.currencyCode, locale)}</Text>
                    <Badge tone={order.customer === "new" ? "success" : undefined}>{t(`analytics.orders.customer.${order.customer}`)}</Badge>
                    {order.codes.length > 0 && <Text as="span" tone="subdued">{order.codes.join(", ")}</Text>}
                    {order.campaignName && <Text as="span" tone="subdued">{order.campaignName}</Text>}
                    <Text as="span" tone="subdued">
                      {t("analytics.orders.explainToggle")}
                    </Text>
                  </span>
                </summary>
                <Box paddingBlockStart="200" paddingInlineStart="400">
                  <Explanation order={order} creatorId={data.creator.id} names={data.creatorNames} timeZone={data.timeZone} />
                </Box>
              </details>
            </Box>
          ))
        )}
        <InlineStack align="space-between" blockAlign="center">
          <Text as="span" tone="subdued">
            {t("analytics.orders.count", { count: orders.total })}
          </Text>
          <Pagination
            hasPrevious={orders.page > 1}
            hasNext={orders.page < pages}
            onPrevious={() => go(orders.page - 1)}
            onNext={() => go(orders.page + 1)}
            label={t("analytics.leaderboard.page", { page: orders.page, pages })}
          />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

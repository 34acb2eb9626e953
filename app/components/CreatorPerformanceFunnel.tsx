import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { Ratio } from "~/domain/metrics";
import type { PerformanceMetrics } from "~/queries/performance-metrics";
import { useI18n } from "../i18n/i18n-context";
import { formatCount, formatMoney } from "./analytics/format";
import { MetricValue } from "./analytics/MetricValue";

function Step({ label, children, note }: { label: string; children: React.ReactNode; note?: React.ReactNode }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {children}
      </Text>
      {note && (
        <Text as="p" variant="bodySm" tone="subdued">
          {note}
        </Text>
      )}
    </BlockStack>
  );
}

/** Clicks → link orders (conversion) with code orders beside them; AOV against the shop's; new customers and their repeat orders. */
export function CreatorPerformanceFunnel({
  current,
  shopAov,
  currency,
  byCustomer,
}: {
  current: PerformanceMetrics;
  shopAov: Ratio;
  currency: string;
  byCustomer: { new: number; returning: number; guest: number };
}) {
  const { t, locale } = useI18n();
  const count = (n: number) => formatCount(n, locale);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("analytics.funnel.title")}
        </Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
          <Step label={t("analytics.funnel.clicks")}>
            <span data-funnel="clicks">{count(current.clicks)}</span>
          </Step>
          <Step
            label={t("analytics.funnel.linkOrders")}
            note={
              <>
                {t("analytics.funnel.conversion")} <MetricValue value={current.linkConversion} format="percent" currency={currency} />
              </>
            }
          >
            <span data-funnel="link-orders">{count(current.linkOrders)}</span>
          </Step>
          <Step label={t("analytics.funnel.codeOrders")} note={t("analytics.funnel.codeOrdersNote")}>
            <span data-funnel="code-orders">{count(current.codeOrders)}</span>
          </Step>
          <Step label={t("analytics.funnel.orders")} note={t("analytics.funnel.ordersNote", { count: current.ordersWithCredit })}>
            <span data-funnel="orders">{count(current.orders)}</span>
          </Step>
          <Step
            label={t("analytics.funnel.aov")}
            note={
              <>
                {t("analytics.funnel.shopAov")} <MetricValue value={shopAov} format="money" currency={currency} />
              </>
            }
          >
            <span data-funnel="aov">
              <MetricValue value={current.aov} format="money" currency={currency} />
            </span>
          </Step>
          <Step label={t("analytics.funnel.newCustomers")}>
            <span data-funnel="new-customers">{count(current.newCustomers)}</span>
          </Step>
          <Step label={t("analytics.funnel.repeatOrders")} note={t("analytics.funnel.repeatOrdersNote")}>
            <span data-funnel="repeat-orders">{count(current.repeatOrders)}</span>
          </Step>
          <Step label={t("analytics.funnel.repeatNet")}>{formatMoney(current.repeatNetMinor, currency, locale)}</Step>
          <Step
            label={t("analytics.funnel.newVsReturning")}
            note={t("analytics.funnel.newVsReturningNote", { guests: byCustomer.guest })}
          >
            <span data-funnel="new-vs-returning">{`${count(byCustomer.new)} / ${count(byCustomer.returning)}`}</span>
          </Step>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

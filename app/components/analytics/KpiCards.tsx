import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text, Tooltip } from "@shopify/polaris";
import type { KpiCard } from "~/queries/kpi-cards";
import { useI18n } from "../../i18n/i18n-context";
import { formatChange, formatRatio, NO_VALUE, reasonKey } from "./format";
import { MetricValue } from "./MetricValue";

function ChangeBadge({ card }: { card: KpiCard }) {
  const { t, locale } = useI18n();
  if (card.change.kind === "undefined") {
    return (
      <Tooltip content={t(reasonKey(card.change) ?? "analytics.reasons.unknown")}>
        <Badge>{t("analytics.kpis.noComparison")}</Badge>
      </Tooltip>
    );
  }
  const value = card.change.value;
  const good = card.lowerIsBetter ? value < 0 : value > 0;
  // Below a twentieth of a percent the change reads "0.0%": no colour (ratios of equal costs differ by float noise).
  const tone = Math.abs(value) < 0.0005 ? undefined : good ? "success" : "critical";
  return (
    <Badge tone={tone}>
      {`${formatChange(value, locale)} ${t("analytics.kpis.vsPrevious")}`}
    </Badge>
  );
}

/** The dashboard's (or a creator's) KPI cards: value, change against the previous period, and the previous value. */
export function KpiCards({ cards, currency }: { cards: readonly KpiCard[]; currency: string }) {
  const { t, locale } = useI18n();
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
      {cards.map((card) => (
        <Card key={card.key}>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm" tone="subdued">
              {t(`analytics.kpis.${card.key}`)}
            </Text>
            <Text as="p" variant="headingLg">
              <span data-kpi={card.key}>
                <MetricValue value={card.current} format={card.format} currency={currency} />
              </span>
            </Text>
            <InlineStack gap="200" blockAlign="center">
              <ChangeBadge card={card} />
            </InlineStack>
            <Text as="p" variant="bodySm" tone="subdued">
              {t("analytics.kpis.previous", { value: formatRatio(card.previous, card.format, currency, locale) ?? NO_VALUE })}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

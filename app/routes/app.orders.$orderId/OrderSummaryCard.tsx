import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n/i18n-context";
import type { OrderExplanationView } from "./format-order-explanation.server";

/** The order's amounts and where it came from. */
export function OrderSummaryCard({ order }: { order: OrderExplanationView["order"] }) {
  const { t } = useI18n();
  const row = (label: string, value: string) => (
    <InlineStack align="space-between" gap="200">
      <Text as="span" tone="subdued">{label}</Text>
      <Text as="span">{value}</Text>
    </InlineStack>
  );
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{t("orderDetail.summary.title")}</Text>
        {row(t("orderDetail.summary.gross"), order.gross)}
        {row(t("orderDetail.summary.discounts"), order.discounts)}
        {row(t("orderDetail.summary.refunds"), order.refunds)}
        {row(t("orderDetail.summary.net"), order.net)}
        <Text as="p">{t(`orderDetail.customerType.${order.customerType}`)}</Text>
        <Text as="p" tone="subdued">
          {order.codes.length > 0 ? t("orderDetail.summary.codes", { codes: order.codes.join(", ") }) : t("orderDetail.summary.noCodes")}
        </Text>
        {order.landingUrl && (
          <Text as="p" tone="subdued" breakWord>
            {t("orderDetail.summary.landing", { url: order.landingUrl })}
          </Text>
        )}
        {order.referrer && (
          <Text as="p" tone="subdued" breakWord>
            {t("orderDetail.summary.referrer", { url: order.referrer })}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

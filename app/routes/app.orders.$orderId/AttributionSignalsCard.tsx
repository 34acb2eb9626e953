import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n/i18n-context";
import type { OrderExplanationView } from "./format-order-explanation.server";

/** Every creator signal seen on the order, whether it counted, and the rule that won. */
export function AttributionSignalsCard({ data }: { data: OrderExplanationView }) {
  const { t } = useI18n();
  const statusBadge = (status: string, decisive: boolean) =>
    decisive ? (
      <Badge tone="success">{t("orderDetail.signals.decisive")}</Badge>
    ) : status === "counted" ? (
      <Badge>{t("orderDetail.signals.status.counted")}</Badge>
    ) : (
      <Badge tone="attention">{t(`orderDetail.signals.status.${status}`, { days: data.windowDays })}</Badge>
    );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("orderDetail.signals.title")}</Text>
        {data.signals.length === 0 ? (
          <Text as="p" tone="subdued">{t("orderDetail.signals.empty")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text", "text"]}
            headings={[
              t("orderDetail.signals.kind"),
              t("orderDetail.signals.creator"),
              t("orderDetail.signals.campaign"),
              t("orderDetail.signals.when"),
              t("orderDetail.signals.evidence"),
              t("orderDetail.signals.statusHeading"),
            ]}
            rows={data.signals.map((signal) => [
              t(`orderDetail.signals.kinds.${signal.kind}`),
              signal.creator,
              signal.campaign ?? "—",
              signal.at,
              signal.evidence ?? "—",
              statusBadge(signal.status, signal.decisive),
            ])}
          />
        )}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">{t("orderDetail.rule.title")}</Text>
          <Text as="p">{t(`orderDetail.rule.${data.winningRule}`)}</Text>
          <Text as="p" tone="subdued">
            {t("orderDetail.rule.model", { model: t(`orderDetail.models.${data.model}`), days: data.windowDays })}
          </Text>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

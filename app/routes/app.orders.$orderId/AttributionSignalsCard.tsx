import { Badge, BlockStack, Box, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { Fragment } from "react";
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
          <BlockStack gap="200" as="ul">
            {data.signals.map((signal, index) => (
              <Fragment key={index}>
                {index > 0 && <Divider />}
                <Box as="li">
                  <BlockStack gap="100">
                    <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
                      <Text as="span" fontWeight="semibold">{t(`orderDetail.signals.kinds.${signal.kind}`)}</Text>
                      {statusBadge(signal.status, signal.decisive)}
                    </InlineStack>
                    <Text as="p">
                      {signal.creator}
                      {signal.campaign ? ` · ${signal.campaign}` : ""}
                    </Text>
                    <Text as="p" tone="subdued" breakWord>
                      {signal.at}
                      {signal.evidence ? ` · ${t("orderDetail.signals.evidence")}: ${signal.evidence}` : ""}
                    </Text>
                  </BlockStack>
                </Box>
              </Fragment>
            ))}
          </BlockStack>
        )}
        <Divider />
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

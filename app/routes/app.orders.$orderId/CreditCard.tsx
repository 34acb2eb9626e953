import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useI18n } from "../../i18n/i18n-context";
import type { OrderExplanationView } from "./format-order-explanation.server";

/** The share of the order each creator gets: what the model gives, and what the reports count. */
export function CreditCard({ data }: { data: OrderExplanationView }) {
  const { t } = useI18n();
  const rows = data.modelCredits.map((credit) => [
    credit.creator,
    credit.campaign ?? "—",
    t(`orderDetail.signals.kinds.${credit.kind}`),
    credit.role === "credited" ? credit.share : t("orderDetail.credit.assist"),
  ]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("orderDetail.credit.title")}</Text>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">{t("orderDetail.credit.none")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric"]}
            headings={[t("orderDetail.signals.creator"), t("orderDetail.signals.campaign"), t("orderDetail.credit.decidedBy"), t("orderDetail.credit.share")]}
            rows={rows}
          />
        )}
        {data.override && (
          <Text as="p">
            {t("orderDetail.credit.counted", {
              creator: data.counted[0]?.creator ?? data.override.creator,
              share: data.counted[0]?.share ?? "",
            })}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

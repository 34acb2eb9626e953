import { Link } from "@remix-run/react";
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useI18n } from "../i18n/i18n-context";
import type { OrderHistoryStatus } from "../queries/get-order-history-status.server";
import { withLocale } from "./AdminFrame";

/** The latest orders with the creator each is credited to; each opens the order's attribution explanation. */
export function RecentOrdersCard({ orders }: { orders: OrderHistoryStatus["recentOrders"] }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("history.recentOrders.title")}</Text>
        <Text as="p" tone="subdued">{t("history.recentOrders.help")}</Text>
        {orders.length === 0 ? (
          <Text as="p">{t("history.recentOrders.empty")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric"]}
            headings={[t("history.recentOrders.order"), t("history.recentOrders.placed"), t("history.recentOrders.creator"), t("history.recentOrders.net")]}
            rows={orders.map((order) => [
              <Link key={order.id} to={withLocale(`/app/orders/${order.id}`, locale)}>
                {order.name}
              </Link>,
              order.processedAt,
              order.creator ?? t("history.recentOrders.noCreator"),
              order.net ?? "",
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-context";
import type { OrderHistoryStatus } from "../queries/get-order-history-status.server";

/** Customers' data requests received from Shopify, each downloadable as the JSON the merchant sends on. */
export function DataRequestsCard({ requests }: { requests: OrderHistoryStatus["dataRequests"] }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState<string | null>(null);

  // Inside the admin, App Bridge adds the session token to same-origin fetches; a plain link would not carry it.
  async function download(id: string, requestId: string) {
    setFailed(null);
    const response = await fetch(`/app/data-requests/${encodeURIComponent(id)}`);
    if (!response.ok) {
      setFailed(id);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = `customer-data-request-${requestId}.json`;
    anchor.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("history.dataRequests.title")}</Text>
        <Text as="p" tone="subdued">{t("history.dataRequests.help")}</Text>
        {requests.length === 0 && <Text as="p">{t("history.dataRequests.empty")}</Text>}
        {requests.map((request) => (
          <InlineStack key={request.id} align="space-between" blockAlign="center" gap="200">
            <Text as="span">{t("history.dataRequests.row", { id: request.shopifyRequestId, when: request.receivedAt })}</Text>
            <InlineStack gap="200" blockAlign="center">
              {request.downloadedAt && <Badge tone="success">{t("history.dataRequests.downloaded")}</Badge>}
              {failed === request.id && <Badge tone="critical">{t("history.dataRequests.failed")}</Badge>}
              <Button onClick={() => void download(request.id, request.shopifyRequestId)}>{t("history.dataRequests.download")}</Button>
            </InlineStack>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n-context";
import type { OrderExplanationView } from "./format-order-explanation.server";

/** Staff credit the whole order to another creator (and campaign), or remove their reassignment. */
export function ReassignOrderCard({
  choices,
  override,
  submitting,
  error,
}: {
  choices: OrderExplanationView["choices"];
  override: OrderExplanationView["override"];
  submitting: boolean;
  error: string | null;
}) {
  const { t } = useI18n();
  const [creatorId, setCreatorId] = useState(override?.creatorId ?? "");
  const [campaignId, setCampaignId] = useState(override?.campaignId ?? "");
  if (choices.creators.length === 0) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">{t("orderDetail.reassign.title")}</Text>
          <Text as="p" tone="subdued">{t("orderDetail.reassign.noCreators")}</Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <Card>
      <BlockStack gap="300">
        <Form method="post">
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">{t("orderDetail.reassign.title")}</Text>
            <Text as="p" tone="subdued">{t("orderDetail.reassign.help")}</Text>
            <input type="hidden" name="intent" value="reassign" />
            <Select
              label={t("orderDetail.reassign.creator")}
              name="creatorId"
              options={[{ label: t("orderDetail.reassign.chooseCreator"), value: "" }, ...choices.creators.map((c) => ({ label: c.name, value: c.id }))]}
              value={creatorId}
              onChange={setCreatorId}
              error={error === "orderDetail.errors.creatorId" ? t(error) : undefined}
            />
            <Select
              label={t("orderDetail.reassign.campaign")}
              name="campaignId"
              options={[{ label: t("orderDetail.reassign.campaignFromSignals"), value: "" }, ...choices.campaigns.map((c) => ({ label: c.name, value: c.id }))]}
              value={campaignId}
              onChange={setCampaignId}
              error={error === "orderDetail.errors.campaignId" ? t(error) : undefined}
            />
            <InlineStack>
              <Button submit variant="primary" loading={submitting} disabled={creatorId === ""}>
                {t("orderDetail.reassign.submit")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {override && (
          <Form method="post">
            <input type="hidden" name="intent" value="clear" />
            <Button submit disabled={submitting} tone="critical" variant="plain">
              {t("orderDetail.reassign.clear")}
            </Button>
          </Form>
        )}
      </BlockStack>
    </Card>
  );
}

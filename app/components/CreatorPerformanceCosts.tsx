import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { minorToDecimal } from "~/domain/money";
import type { CostField, CostFieldError } from "~/queries/collaboration-costs-input";
import type { CollaborationCostView, CreatorPerformance } from "~/queries/get-creator-performance.server";
import { useI18n } from "../i18n/i18n-context";
import { ExportButton } from "./analytics/ExportButton";
import { formatDay, formatMoney } from "./analytics/format";

export type CostsActionData = { ok: true; collaborationId: string } | { ok: false; collaborationId: string; errors: Partial<Record<CostField, CostFieldError>> };

function bpsToPercentText(bps: number): string {
  return (bps / 100).toString();
}

function CollaborationCostForm({ item, currency }: { item: CollaborationCostView; currency: string }) {
  const { t, locale } = useI18n();
  const fetcher = useFetcher<CostsActionData>();
  const [values, setValues] = useState({
    fee: minorToDecimal(item.feeMinor, currency),
    commission: bpsToPercentText(item.commissionBps),
    gifted: minorToDecimal(item.giftedCostMinor, currency),
    shipping: minorToDecimal(item.shippingCostMinor, currency),
  });
  const result = fetcher.data?.collaborationId === item.collaborationId ? fetcher.data : undefined;
  const errors = result && !result.ok ? result.errors : {};
  const error = (field: CostField) => (errors[field] ? t(`analytics.costs.errors.${errors[field]}`) : undefined);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const field = (name: CostField, label: string, suffix?: string) => (
    <TextField
      label={label}
      name={name}
      value={values[name]}
      onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
      autoComplete="off"
      inputMode="decimal"
      suffix={suffix}
      error={error(name)}
    />
  );
  return (
    <Box paddingBlockEnd="400" borderBlockEndWidth="025" borderColor="border">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="costs" />
        <input type="hidden" name="collaborationId" value={item.collaborationId} />
        <BlockStack gap="300">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              {item.campaignName}
            </Text>
            <Badge>{t(`analytics.compensation.${item.compensationType}`)}</Badge>
            <Text as="span" tone="subdued" variant="bodySm">
              {t("analytics.costs.window", { from: formatDay(item.window.from, locale, "medium"), to: formatDay(item.window.to, locale, "medium") })}
            </Text>
          </InlineStack>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
            {field("fee", t("analytics.costs.fee"), currency)}
            {field("commission", t("analytics.costs.commissionRate"), "%")}
            {field("gifted", t("analytics.costs.gifted"), currency)}
            {field("shipping", t("analytics.costs.shipping"), currency)}
          </InlineGrid>
          <InlineStack align="space-between" blockAlign="center">
            <Text as="p" tone="subdued" variant="bodySm">
              {t("analytics.costs.inPeriod", {
                total: money(item.costInPeriod.totalMinor),
                fees: money(item.costInPeriod.feesMinor),
                commission: money(item.costInPeriod.commissionMinor),
                gifted: money(item.costInPeriod.giftedMinor),
                shipping: money(item.costInPeriod.shippingMinor),
                net: money(item.netMinor),
              })}
            </Text>
            <InlineStack gap="200" blockAlign="center">
              {result?.ok && (
                <Text as="span" tone="success">
                  {t("analytics.costs.saved")}
                </Text>
              )}
              {result && !result.ok && (
                <span role="alert">
                  <Text as="span" tone="critical">
                    {t("analytics.costs.notSaved")}
                  </Text>
                </span>
              )}
              <Button submit loading={fetcher.state !== "idle"}>
                {t("analytics.costs.save")}
              </Button>
            </InlineStack>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Box>
  );
}

/** The creator's collaborations with their cost terms, editable, and what they cost over the period. */
export function CreatorPerformanceCosts({ data, search }: { data: CreatorPerformance; search: URLSearchParams }) {
  const { t } = useI18n();
  const exportSearch = new URLSearchParams(search);
  exportSearch.set("creator", data.creator.id);
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("analytics.costs.title")}
          </Text>
          <ExportButton table="creator-costs" search={exportSearch} />
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("analytics.costs.rule")}
        </Text>
        {data.collaborations.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("analytics.costs.none")}
          </Text>
        ) : (
          data.collaborations.map((item) => <CollaborationCostForm key={item.collaborationId} item={item} currency={data.currencyCode} />)
        )}
      </BlockStack>
    </Card>
  );
}

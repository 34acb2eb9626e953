import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { CreatorPerformance } from "~/queries/get-creator-performance.server";
import { useI18n } from "../i18n/i18n-context";
import { formatCount } from "./analytics/format";

/** The creator's discount codes and tracked links across campaigns, links with their human clicks. */
export function CreatorPerformanceAssets({ data }: { data: CreatorPerformance }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("analytics.assets.title")}
        </Text>
        {data.codes.length === 0 && data.links.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("analytics.assets.none")}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={[t("analytics.assets.code"), t("analytics.assets.campaign"), t("analytics.assets.state")]}
              rows={data.codes.map((c) => [
                c.code,
                c.campaignName ?? "",
                <Badge key="state" tone={c.state === "active" ? "success" : c.state === "needs_repair" ? "critical" : undefined}>
                  {t(`analytics.assets.states.${c.state}`)}
                </Badge>,
              ])}
            />
            <DataTable
              columnContentTypes={["text", "text", "text", "numeric"]}
              headings={[t("analytics.assets.link"), t("analytics.assets.campaign"), t("analytics.assets.destination"), t("analytics.assets.clicks")]}
              rows={data.links.map((l) => [l.slug, l.campaignName ?? "", l.destinationPath, formatCount(l.clickCount, locale)])}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}

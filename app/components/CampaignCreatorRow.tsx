import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { useI18n } from "../i18n/i18n-context";
import type { CampaignCreatorCode, CampaignCreatorRow as Row } from "../queries/get-campaign-creators.server";
import { CopyButton } from "./CopyButton";

export type RowCommand =
  | { kind: "deactivate" | "reactivate" | "delete" | "replace"; code: CampaignCreatorCode; handle: string }
  | { kind: "destination" | "qr"; link: NonNullable<Row["link"]>; handle: string }
  | { kind: "create"; creatorId: string; handle: string };

function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  if (state === "active") return <Badge tone="success">{t("codes.state.active")}</Badge>;
  if (state === "inactive") return <Badge>{t("codes.state.inactive")}</Badge>;
  return <Badge tone="warning">{t("codes.state.needs_repair")}</Badge>;
}

/** One creator of the campaign: their codes with copy buttons and commands, the discount URL and the short link. */
export function CampaignCreatorRow({ row, busy, onCommand }: { row: Row; busy: boolean; onCommand: (command: RowCommand) => void }) {
  const { t } = useI18n();
  const handle = row.creator.handle;
  return (
    <Box padding="300" borderBlockEndWidth="025" borderColor="border" data-testid={`creator-row-${handle}`}>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {row.creator.name}
          </Text>
          <Text as="span" tone="subdued">
            @{handle} · {row.creator.platform}
          </Text>
        </InlineStack>

        {row.codes.length === 0 ? (
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" tone="subdued">
              {t("codes.row.noCode")}
            </Text>
            <Button size="slim" disabled={busy} onClick={() => onCommand({ kind: "create", creatorId: row.creator.id, handle })}>
              {t("codes.row.createCode")}
            </Button>
          </InlineStack>
        ) : (
          row.codes.map((code) => (
            <BlockStack gap="100" key={code.id}>
              <InlineStack gap="200" blockAlign="center" wrap>
                <Text as="span" variant="headingMd" fontWeight="bold">
                  <span data-testid="discount-code">{code.code}</span>
                </Text>
                <StateBadge state={code.state} />
                <CopyButton text={code.code} label={t("codes.copy.code", { code: code.code })} />
                {code.state === "active" && (
                  <Button size="slim" disabled={busy} onClick={() => onCommand({ kind: "deactivate", code, handle })}>
                    {t("codes.row.pause")}
                  </Button>
                )}
                {code.state === "inactive" && (
                  <Button size="slim" disabled={busy} onClick={() => onCommand({ kind: "reactivate", code, handle })}>
                    {t("codes.row.resume")}
                  </Button>
                )}
                {code.state !== "needs_repair" && (
                  <>
                    <Button size="slim" disabled={busy} onClick={() => onCommand({ kind: "replace", code, handle })}>
                      {t("codes.row.replace")}
                    </Button>
                    <Button size="slim" tone="critical" disabled={busy} onClick={() => onCommand({ kind: "delete", code, handle })}>
                      {t("codes.row.delete")}
                    </Button>
                  </>
                )}
              </InlineStack>
              {code.state === "needs_repair" && code.lastError && (
                <Text as="p" variant="bodySm" tone="caution">
                  {code.lastError}
                </Text>
              )}
              {code.discountUrl && (
                <InlineStack gap="200" blockAlign="center" wrap={false}>
                  <Text as="span" variant="bodySm" tone="subdued">
                    {t("codes.row.discountUrl")}
                  </Text>
                  <Text as="span" variant="bodySm" truncate>
                    <span data-testid="discount-url">{code.discountUrl}</span>
                  </Text>
                  <CopyButton text={code.discountUrl} label={t("codes.copy.discountUrl", { code: code.code })} />
                </InlineStack>
              )}
            </BlockStack>
          ))
        )}

        {row.link && (
          <BlockStack gap="100">
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <Text as="span" variant="bodySm" tone="subdued">
                {t("codes.row.shortLink")}
              </Text>
              <Text as="span" variant="bodySm" truncate>
                <span data-testid="short-link">{row.link.shortUrl}</span>
              </Text>
              <CopyButton text={row.link.shortUrl} label={t("codes.copy.shortLink", { handle })} />
              <Button size="slim" onClick={() => row.link && onCommand({ kind: "qr", link: row.link, handle })}>
                {t("codes.row.qrCode")}
              </Button>
            </InlineStack>
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" variant="bodySm" tone="subdued">
                {t("codes.row.clicks", { count: row.link.clickCount })} · {t("codes.row.landsOn", { path: row.link.destinationPath })}
              </Text>
              <Button variant="plain" disabled={busy} onClick={() => row.link && onCommand({ kind: "destination", link: row.link, handle })}>
                {t("codes.row.changeDestination")}
              </Button>
            </InlineStack>
          </BlockStack>
        )}
      </BlockStack>
    </Box>
  );
}

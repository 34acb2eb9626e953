import { useFetcher, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { useI18n } from "../i18n/i18n-context";
import type { OrderHistoryStatus } from "../queries/get-order-history-status.server";

const BADGE_TONE = { exporting: "info", importing: "attention", completed: "success", failed: "critical" } as const;

/** The order history import: status, progress (refreshed while it runs), reach, and the button that starts it. */
export function BackfillStatus({ status }: { status: OrderHistoryStatus }) {
  const { t } = useI18n();
  const fetcher = useFetcher<{ started: boolean }>();
  const revalidator = useRevalidator();
  const backfill = status.backfill;
  const running = backfill?.status === "exporting" || backfill?.status === "importing";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 5_000);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  const tone = backfill ? BADGE_TONE[backfill.status as keyof typeof BADGE_TONE] : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("history.backfill.title")}</Text>
          {backfill && <Badge tone={tone}>{t(`history.backfill.status.${backfill.status}`)}</Badge>}
        </InlineStack>
        <Text as="p" tone="subdued">{t(`history.backfill.reach.${status.reach}`)}</Text>
        {!backfill && <Text as="p">{t("history.backfill.never")}</Text>}
        {backfill && (
          <BlockStack gap="200">
            {running && <ProgressBar progress={backfill.percent} tone="primary" />}
            <Text as="p">
              {t("history.backfill.progress", { count: backfill.processed, percent: backfill.percent })}
            </Text>
            <Text as="p" tone="subdued">
              {t(backfill.allOrders ? "history.backfill.coveredAll" : "history.backfill.coveredSince", { since: backfill.createdSince })}
            </Text>
            {backfill.skipped > 0 && <Text as="p" tone="caution">{t("history.backfill.skipped", { count: backfill.skipped })}</Text>}
            <Text as="p" tone="subdued">
              {backfill.finishedAt
                ? t("history.backfill.finishedAt", { when: backfill.finishedAt })
                : t("history.backfill.startedAt", { when: backfill.startedAt })}
            </Text>
            {backfill.status === "failed" && <Banner tone="critical">{t("history.backfill.failed", { error: backfill.error ?? "" })}</Banner>}
          </BlockStack>
        )}
        {fetcher.data?.started && running && <Banner tone="success">{t("history.backfill.started")}</Banner>}
        <Text as="p" tone="subdued">
          {status.ordersSyncedAt ? t("history.reconcile.syncedAt", { when: status.ordersSyncedAt }) : t("history.reconcile.never")}
        </Text>
        {status.reach !== "none" && !running && (
          <fetcher.Form method="post" action="/app/history">
            <input type="hidden" name="intent" value="start" />
            <Button submit loading={fetcher.state !== "idle"}>
              {t(backfill ? "history.backfill.restart" : "history.backfill.start")}
            </Button>
          </fetcher.Form>
        )}
      </BlockStack>
    </Card>
  );
}

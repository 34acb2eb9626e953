import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Layout, Page, SkeletonPage, Text } from "@shopify/polaris";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { withLocale } from "../components/AdminFrame";
import { badRequest, readRequestBody } from "../http/read-request-body.server";
import { useI18n } from "../i18n/i18n-context";
import { replayParkedWebhookEvent, type StoredEventOutcome } from "../ingest/webhook-inbox.server";
import { getIngestionStatus, type IngestionEvent } from "../queries/get-ingestion-status.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  return json(await getIngestionStatus(shop));
}

const actionSchema = z.object({ intent: z.literal("replay"), id: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const parsed = actionSchema.safeParse(await readRequestBody(request));
  if (!parsed.success) return badRequest(parsed.error.issues[0]?.message ?? "invalid replay request");
  const outcome = await replayParkedWebhookEvent(shop, parsed.data.id);
  // Another shop's event, or one that is no longer parked: nothing to replay here.
  if (outcome === null) throw new Response("Not found", { status: 404 });
  return json({ id: parsed.data.id, outcome });
}

function useWhen(timeZone: string) {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : "—");
}

function ReplayButton({ event }: { event: IngestionEvent }) {
  const { t } = useI18n();
  const fetcher = useFetcher<{ id: string; outcome: StoredEventOutcome }>();
  const busy = fetcher.state !== "idle";
  const outcome = fetcher.data?.id === event.id ? fetcher.data.outcome : null;
  return (
    <InlineStack gap="200" blockAlign="center" wrap={false}>
      <Button
        size="slim"
        loading={busy}
        onClick={() => fetcher.submit({ intent: "replay", id: event.id }, { method: "post", encType: "application/json" })}
      >
        {t("ingestion.replay")}
      </Button>
      {outcome && (
        <Text as="span" tone={outcome === "processed" ? "success" : "critical"}>
          {t(`ingestion.outcome.${outcome}`)}
        </Text>
      )}
    </InlineStack>
  );
}

function EventsTable({ events, timeZone, replay }: { events: IngestionEvent[]; timeZone: string; replay: boolean }) {
  const { t } = useI18n();
  const when = useWhen(timeZone);
  const headings: [{ title: string }, ...{ title: string }[]] = [
    { title: t("ingestion.columns.topic") },
    { title: t("ingestion.columns.received") },
    { title: t("ingestion.columns.attempts") },
    { title: replay ? t("ingestion.columns.error") : t("ingestion.columns.nextAttempt") },
    { title: replay ? t("ingestion.columns.action") : t("ingestion.columns.error") },
  ];
  return (
    <IndexTable resourceName={{ singular: t("ingestion.resource.one"), plural: t("ingestion.resource.other") }} itemCount={events.length} headings={headings} selectable={false}>
      {events.map((event, index) => (
        <IndexTable.Row id={event.id} key={event.id} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">{event.topic}</Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{when(event.receivedAt)}</IndexTable.Cell>
          <IndexTable.Cell>{event.attempts}</IndexTable.Cell>
          {replay ? (
            <>
              <IndexTable.Cell>
                <Text as="span" tone="critical" breakWord>{event.error ?? "—"}</Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <ReplayButton event={event} />
              </IndexTable.Cell>
            </>
          ) : (
            <>
              <IndexTable.Cell>{when(event.nextAttemptAt)}</IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" tone="subdued" breakWord>{event.error ?? "—"}</Text>
              </IndexTable.Cell>
            </>
          )}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

// The webhook inbox: every order event Shopify sent is stored before it is answered; those whose processing failed
// are retried automatically, and those that kept failing are parked here for staff to replay.
export default function IngestionPage() {
  const status = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const when = useWhen(status.ianaTimezone);
  if (navigation.state === "loading" && navigation.location.pathname !== "/app/ingestion") return <SkeletonPage title={t("ingestion.title")} />;
  return (
    <Page
      title={t("ingestion.title")}
      subtitle={t("ingestion.subtitle")}
      secondaryActions={[{ content: t("history.title"), url: withLocale("/app/history", locale) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {status.counts.parked > 0 && (
              <Banner tone="critical" title={t("ingestion.parkedBanner.title", { count: status.counts.parked })}>
                <p>{t("ingestion.parkedBanner.body")}</p>
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("ingestion.summary")}</Text>
                <InlineStack gap="300">
                  <Badge tone="success">{t("ingestion.counts.processed", { count: status.counts.processed })}</Badge>
                  <Badge tone={status.counts.pending > 0 ? "attention" : undefined}>{t("ingestion.counts.pending", { count: status.counts.pending })}</Badge>
                  <Badge tone={status.counts.parked > 0 ? "critical" : undefined}>{t("ingestion.counts.parked", { count: status.counts.parked })}</Badge>
                </InlineStack>
                <Text as="p" tone="subdued">
                  {status.lastReceivedAt ? t("ingestion.lastReceived", { when: when(status.lastReceivedAt) }) : t("ingestion.noneYet")}
                </Text>
              </BlockStack>
            </Card>
            <Card padding="0">
              <BlockStack gap="0">
                <div style={{ padding: "var(--p-space-400)" }}>
                  <Text as="h2" variant="headingMd">{t("ingestion.parkedTitle")}</Text>
                </div>
                {status.parked.length === 0 ? (
                  <EmptyState heading={t("ingestion.parkedEmpty.heading")} image="">
                    <p>{t("ingestion.parkedEmpty.body")}</p>
                  </EmptyState>
                ) : (
                  <EventsTable events={status.parked} timeZone={status.ianaTimezone} replay />
                )}
              </BlockStack>
            </Card>
            {status.retrying.length > 0 && (
              <Card padding="0">
                <BlockStack gap="0">
                  <div style={{ padding: "var(--p-space-400)" }}>
                    <Text as="h2" variant="headingMd">{t("ingestion.retryingTitle")}</Text>
                    <Text as="p" tone="subdued">{t("ingestion.retryingBody")}</Text>
                  </div>
                  <EventsTable events={status.retrying} timeZone={status.ianaTimezone} replay={false} />
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

// The campaign page's "creators, codes and links" section. It loads its own data from the resource route
// /app/campaigns/:id/creators, so the campaign page only renders <CampaignCreatorsSection campaignId={...} />.
// Adding many creators is driven from here in chunks (ADD_CHUNK_SIZE per request): each answer carries a result per
// creator, the progress bar advances with them, and the failed ones can be sent again.
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  InlineStack,
  List,
  Modal,
  ProgressBar,
  SkeletonBodyText,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n-context";
import type { Translate } from "../i18n/translate";
import type { CampaignCreators } from "../queries/get-campaign-creators.server";
import type { BulkAddCreatorResult } from "../services/bulk-add-creators.server";
import { AddCreatorsModal, type AddCreatorsRequest } from "./AddCreatorsModal";
import { CampaignCreatorRow, type RowCommand } from "./CampaignCreatorRow";
import {
  ADD_CHUNK_SIZE,
  campaignCreatorsUrl,
  codeUrl,
  getJson,
  linkUrl,
  postJson,
  RequestFailedError,
  type ActionError,
} from "./campaign-creators-api";
import { LinkQrCodeModal } from "./LinkQrCodeModal";

type Creator = AddCreatorsRequest["creators"][number];

type AddRun = {
  total: number;
  done: number;
  running: boolean;
  creators: Map<string, Creator>;
  failures: Map<string, ActionError>;
  succeeded: number;
  destinationPath: string;
  code: string;
};

type Notice = { tone: "success" | "critical" | "warning"; message: string };

function errorText(t: Translate, error: ActionError): string {
  return t(`codes.errors.${error.reason}`, { detail: error.detail });
}

function requestErrorText(t: Translate, error: unknown): string {
  if (error instanceof RequestFailedError) return t("codes.errors.request", { status: error.status });
  return t("codes.progress.networkError", { detail: error instanceof Error ? error.message : String(error) });
}

/** The creators of a campaign with their codes and links, and the tools to add creators and manage their codes. */
export function CampaignCreatorsSection({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<CampaignCreators | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [run, setRun] = useState<AddRun | null>(null);
  const [command, setCommand] = useState<RowCommand | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await getJson<CampaignCreators>(campaignCreatorsUrl(campaignId)));
      setLoadError(null);
    } catch (error) {
      setLoadError(requestErrorText(t, error));
    }
  }, [campaignId, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const addCreators = async (creators: Creator[], destinationPath: string, code: string) => {
    setAdding(false);
    setNotice(null);
    const byId = new Map(creators.map((creator) => [creator.id, creator]));
    setRun({ total: creators.length, done: 0, running: true, creators: byId, failures: new Map(), succeeded: 0, destinationPath, code });
    for (let start = 0; start < creators.length; start += ADD_CHUNK_SIZE) {
      const chunk = creators.slice(start, start + ADD_CHUNK_SIZE);
      let results: BulkAddCreatorResult[] = [];
      let chunkError: ActionError | null = null;
      try {
        const answer = await postJson<BulkAddCreatorResult[]>(campaignCreatorsUrl(campaignId), {
          creatorIds: chunk.map((creator) => creator.id),
          destinationPath: destinationPath.trim() || null,
          code: code.trim() || null,
        });
        if (answer.ok) results = answer.result;
        else chunkError = answer.error;
      } catch (error) {
        chunkError = { reason: "request", detail: requestErrorText(t, error) };
      }
      setRun((current) => {
        if (!current) return current;
        const failures = new Map(current.failures);
        let succeeded = current.succeeded;
        for (const creator of chunk) failures.delete(creator.id);
        if (chunkError) for (const creator of chunk) failures.set(creator.id, chunkError);
        for (const result of results) {
          if (result.ok) succeeded += 1;
          else failures.set(result.creatorId, { reason: result.reason, detail: result.detail });
        }
        return { ...current, done: Math.min(current.total, current.done + chunk.length), failures, succeeded };
      });
      // A refusal of the whole request (a bad landing page, say) would refuse every other chunk the same way.
      if (chunkError && chunkError.reason !== "request" && chunkError.reason !== "shopify_unavailable") break;
    }
    setRun((current) => (current ? { ...current, running: false } : current));
    await reload();
  };

  const retryFailed = () => {
    if (!run) return;
    const failed = [...run.failures.keys()].map((id) => run.creators.get(id)).filter((c): c is Creator => c !== undefined);
    void addCreators(failed, run.destinationPath, run.code);
  };

  const runCodeCommand = async (body: Record<string, string>, codeId: string, success: string) => {
    setBusy(true);
    try {
      const answer = await postJson<{ warning: ActionError | null }>(codeUrl(codeId), body);
      if (!answer.ok) setNotice({ tone: "critical", message: errorText(t, answer.error) });
      else if (answer.result.warning) setNotice({ tone: "warning", message: `${success} ${errorText(t, answer.result.warning)}` });
      else setNotice({ tone: "success", message: success });
      setCommand(null);
      await reload();
    } catch (error) {
      setNotice({ tone: "critical", message: requestErrorText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const onRowCommand = (next: RowCommand) => {
    setNotice(null);
    if (next.kind === "deactivate" || next.kind === "reactivate") {
      const message = next.kind === "deactivate" ? t("codes.done.deactivate", { code: next.code.code }) : t("codes.done.reactivate", { code: next.code.code });
      void runCodeCommand({ intent: next.kind }, next.code.id, message);
      return;
    }
    if (next.kind === "create") {
      void addCreators([{ id: next.creatorId, name: next.handle, handle: next.handle }], "", "");
      return;
    }
    setCommand(next);
  };

  if (!data) {
    return (
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("codes.section.title")}
          </Text>
          {loadError ? (
            <Banner tone="critical" title={t("codes.section.loadError")} action={{ content: t("codes.section.retryLoad"), onAction: () => void reload() }}>
              {loadError}
            </Banner>
          ) : (
            <SkeletonBodyText lines={4} />
          )}
        </BlockStack>
      </Card>
    );
  }

  const failures = run ? [...run.failures.entries()] : [];
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("codes.section.title")}
            </Text>
            <Button variant="primary" onClick={() => setAdding(true)} disabled={run?.running}>
              {t("codes.section.addCreators")}
            </Button>
          </InlineStack>
          {notice && (
            <Banner tone={notice.tone} onDismiss={() => setNotice(null)}>
              {notice.message}
            </Banner>
          )}
          {loadError && <Banner tone="critical">{loadError}</Banner>}
          {run && (
            <Card background="bg-surface-secondary">
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t("codes.progress.title")}
                </Text>
                <ProgressBar progress={run.total === 0 ? 100 : Math.round((run.done / run.total) * 100)} size="small" />
                <Text as="p" tone="subdued">
                  {t("codes.progress.status", { done: run.done, total: run.total })} · {t("codes.progress.succeeded", { count: run.succeeded })}
                </Text>
                {failures.length > 0 && (
                  <Banner tone="critical" title={t("codes.progress.failedHeading", { count: failures.length })}>
                    <List>
                      {failures.slice(0, 50).map(([creatorId, error]) => (
                        <List.Item key={creatorId}>
                          @{run.creators.get(creatorId)?.handle ?? creatorId}: {error.reason === "request" ? error.detail : errorText(t, error)}
                        </List.Item>
                      ))}
                    </List>
                  </Banner>
                )}
                {!run.running && (
                  <InlineStack gap="200">
                    {failures.length > 0 && <Button onClick={retryFailed}>{t("codes.progress.retry", { count: failures.length })}</Button>}
                    <Button variant="plain" onClick={() => setRun(null)}>
                      {t("codes.progress.dismiss")}
                    </Button>
                  </InlineStack>
                )}
              </BlockStack>
            </Card>
          )}
        </BlockStack>
      </Box>
      {data.rows.length === 0 ? (
        <EmptyState
          heading={t("codes.section.emptyHeading")}
          action={{ content: t("codes.section.addCreators"), onAction: () => setAdding(true) }}
          image=""
        >
          <p>{t("codes.section.emptyBody")}</p>
        </EmptyState>
      ) : (
        <BlockStack>
          {data.rows.map((row) => (
            <CampaignCreatorRow key={row.collaborationId} row={row} busy={busy || Boolean(run?.running)} onCommand={onRowCommand} />
          ))}
        </BlockStack>
      )}

      {adding && (
        <AddCreatorsModal
          campaign={data.campaign}
          initialChoices={data.choices}
          onClose={() => setAdding(false)}
          onSubmit={(request) => void addCreators(request.creators, request.destinationPath, request.code)}
        />
      )}
      {command?.kind === "qr" && <LinkQrCodeModal link={command.link} handle={command.handle} onClose={() => setCommand(null)} />}
      {command?.kind === "delete" && (
        <Modal
          open
          onClose={() => setCommand(null)}
          title={t("codes.delete.title", { code: command.code.code })}
          primaryAction={{
            content: t("codes.delete.confirm"),
            destructive: true,
            loading: busy,
            onAction: () => void runCodeCommand({ intent: "delete" }, command.code.id, t("codes.done.delete", { code: command.code.code })),
          }}
          secondaryActions={[{ content: t("codes.add.cancel"), onAction: () => setCommand(null) }]}
        >
          <Modal.Section>
            <Text as="p">{t("codes.delete.body")}</Text>
          </Modal.Section>
        </Modal>
      )}
      {command?.kind === "replace" && (
        <ReplaceCodeModal
          code={command.code.code}
          busy={busy}
          onClose={() => setCommand(null)}
          onSubmit={(text) => void runCodeCommand({ intent: "replace", code: text }, command.code.id, t("codes.done.replace", { code: text.toUpperCase() }))}
        />
      )}
      {command?.kind === "destination" && (
        <DestinationModal
          linkId={command.link.id}
          current={command.link.destinationPath}
          onClose={() => setCommand(null)}
          onSaved={async () => {
            setCommand(null);
            setNotice({ tone: "success", message: t("codes.done.destination") });
            await reload();
          }}
        />
      )}
    </Card>
  );
}

function ReplaceCodeModal({ code, busy, onClose, onSubmit }: { code: string; busy: boolean; onClose: () => void; onSubmit: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  return (
    <Modal
      open
      onClose={onClose}
      title={t("codes.replace.title", { code })}
      primaryAction={{ content: t("codes.replace.submit"), disabled: text.trim() === "", loading: busy, onAction: () => onSubmit(text) }}
      secondaryActions={[{ content: t("codes.add.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <TextField label={t("codes.replace.label")} helpText={t("codes.replace.help")} value={text} onChange={setText} autoComplete="off" maxLength={32} />
      </Modal.Section>
    </Modal>
  );
}

function DestinationModal({ linkId, current, onClose, onSaved }: { linkId: string; current: string; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const [path, setPath] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const answer = await postJson(linkUrl(linkId), { destinationPath: path });
      if (answer.ok) await onSaved();
      else setError(errorText(t, answer.error));
    } catch (failure) {
      setError(requestErrorText(t, failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      onClose={onClose}
      title={t("codes.destination.title")}
      primaryAction={{ content: t("codes.destination.submit"), loading: saving, onAction: () => void save() }}
      secondaryActions={[{ content: t("codes.add.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <TextField
          label={t("codes.destination.label")}
          helpText={t("codes.destination.help")}
          value={path}
          onChange={(value) => {
            setPath(value);
            setError(null);
          }}
          error={error ?? undefined}
          autoComplete="off"
        />
      </Modal.Section>
    </Modal>
  );
}

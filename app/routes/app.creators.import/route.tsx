import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, DropZone, InlineStack, Layout, List, Page, Spinner, Text } from "@shopify/polaris";
import { useState } from "react";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { handleKey, tierFromAudience } from "../../domain/creators";
import { parseCreatorCsv } from "../../domain/csv";
import { useI18n } from "../../i18n/i18n-context";
import { importCreators, listExistingHandleKeys } from "../../models/creator.server";
import { ImportPreview, type ImportPreviewData } from "./ImportPreview";

/** Largest CSV accepted: 5,000 creators with a few platforms each stay far below it. */
const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Problems listed in the preview; the rest are counted. */
const MAX_LISTED_ERRORS = 200;
const SAMPLE_ROWS = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminContext(request);
  return null;
}

type ActionResult =
  | { step: "invalid"; messageKey: string }
  | ({ step: "preview" } & ImportPreviewData)
  | { step: "done"; created: number; updated: number; unchanged: number; skipped: number }
  | { step: "failed"; message: string };

/** The CSV arrives as text read in the browser (`csv`), or as an uploaded file (`file`, multipart). */
async function readCsv(form: FormData): Promise<string | null> {
  const text = form.get("csv");
  if (typeof text === "string" && text.trim() !== "") return text;
  const file = form.get("file");
  if (file !== null && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return "\u0000too-large";
    return file.text();
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const csv = await readCsv(form);
  if (intent !== "preview" && intent !== "import") return json<ActionResult>({ step: "invalid", messageKey: "creators.import.missingFile" }, { status: 400 });
  if (csv === null) return json<ActionResult>({ step: "invalid", messageKey: "creators.import.missingFile" }, { status: 400 });
  if (csv === "\u0000too-large" || Buffer.byteLength(csv) > MAX_CSV_BYTES) {
    return json<ActionResult>({ step: "invalid", messageKey: "creators.import.tooLarge" }, { status: 413 });
  }
  // The file is parsed again on import rather than trusting rows sent back by the browser.
  const parsed = parseCreatorCsv(csv);
  if (intent === "preview" || parsed.headerErrors.length > 0) {
    const existing = await listExistingHandleKeys(shop, parsed.rows.map((row) => handleKey(row.input.handle)));
    const preview: ActionResult = {
      step: "preview",
      headerErrors: parsed.headerErrors,
      errors: parsed.errors.slice(0, MAX_LISTED_ERRORS),
      errorCount: parsed.errors.length,
      ignoredColumns: parsed.ignoredColumns,
      valid: parsed.rows.length,
      created: parsed.rows.filter((row) => !existing.has(handleKey(row.input.handle))).length,
      updated: parsed.rows.filter((row) => existing.has(handleKey(row.input.handle))).length,
      sample: parsed.rows.slice(0, SAMPLE_ROWS).map((row) => ({
        line: row.line,
        name: row.input.name,
        handle: row.input.handle,
        platforms: row.input.platforms.map(({ platform, followers }) => ({ platform, followers })),
        tier: tierFromAudience(row.input.platforms),
        exists: existing.has(handleKey(row.input.handle)),
      })),
    };
    return json(preview, { status: parsed.headerErrors.length > 0 ? 422 : 200 });
  }
  try {
    const result = await importCreators(shop, parsed.rows.map((row) => row.input));
    return json<ActionResult>({ step: "done", ...result, skipped: parsed.errors.length });
  } catch (error) {
    console.error(`Creator import failed for ${shop}:`, error);
    return json<ActionResult>({ step: "failed", message: error instanceof Error ? error.message : String(error) }, { status: 500 });
  }
}

export default function ImportCreators() {
  const { t, locale } = useI18n();
  const fetcher = useFetcher<typeof action>();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rejected, setRejected] = useState(false);
  const busy = fetcher.state !== "idle";
  // "Choose another file" returns to the picker; the last answer stays in the fetcher, so it is set aside.
  const [setAside, setSetAside] = useState<unknown>(undefined);
  const result = fetcher.data === setAside ? undefined : fetcher.data;
  const pendingIntent = fetcher.formData?.get("intent");

  const onDrop = async (_all: File[], accepted: File[], rejectedFiles: File[]) => {
    const file = accepted[0];
    setRejected(rejectedFiles.length > 0 && !file);
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    setFileName(file.name);
    fetcher.submit({ intent: "preview", csv: text }, { method: "post" });
  };
  const reset = () => {
    setCsv(null);
    setFileName(null);
    setSetAside(fetcher.data);
  };

  const showPicker = !busy && (result === undefined || result.step === "invalid" || (result.step === "preview" && result.headerErrors.length > 0));

  return (
    <Page title={t("creators.import.title")} subtitle={t("creators.import.subtitle")} backAction={{ content: t("creators.title"), url: withLocale("/app/creators", locale) }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {rejected && <Banner tone="critical">{t("creators.import.wrongType")}</Banner>}
            {result?.step === "invalid" && <Banner tone="critical">{t(result.messageKey)}</Banner>}
            {result?.step === "failed" && <Banner tone="critical">{t("creators.import.failed", { message: result.message })}</Banner>}
            {busy && (
              <Card>
                <InlineStack gap="300" blockAlign="center">
                  <Spinner size="small" />
                  <Text as="p">{t(pendingIntent === "import" ? "creators.import.importing" : "creators.import.reading")}</Text>
                </InlineStack>
              </Card>
            )}
            {!busy && result?.step === "done" && (
              <Banner
                tone="success"
                title={t("creators.import.doneTitle")}
                action={{ content: t("creators.import.viewCreators"), url: withLocale("/app/creators", locale) }}
                secondaryAction={{ content: t("creators.import.chooseAnother"), onAction: reset }}
              >
                <p>{t("creators.import.done", { created: result.created, updated: result.updated, unchanged: result.unchanged })}</p>
                {result.skipped > 0 && <p>{t("creators.import.skipped", { count: result.skipped })}</p>}
              </Banner>
            )}
            {!busy && result?.step === "preview" && (
              <ImportPreview
                data={result}
                fileName={fileName}
                onImport={() => csv !== null && fetcher.submit({ intent: "import", csv }, { method: "post" })}
                onChooseAnother={reset}
              />
            )}
            {showPicker && (
              <Card>
                <DropZone accept=".csv,text/csv" type="file" allowMultiple={false} onDrop={onDrop} label={t("creators.import.dropTitle")} labelHidden>
                  <DropZone.FileUpload actionTitle={t("creators.import.dropTitle")} actionHint={t("creators.import.dropHint")} />
                </DropZone>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("creators.import.formatTitle")}
              </Text>
              <Text as="p">{t("creators.import.formatBody")}</Text>
              <Box background="bg-surface-secondary" padding="200" borderRadius="200">
                <Text as="p" variant="bodySm" fontWeight="medium">
                  <code style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{"name,handle,email,instagram_followers,tiktok_followers\nEmma Martin,emma.style,emma@example.com,12000,5400"}</code>
                </Text>
              </Box>
              <List>
                <List.Item>{t("creators.import.formatUpdate")}</List.Item>
              </List>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";

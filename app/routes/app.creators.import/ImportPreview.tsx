import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import type { CreatorCsvError, CreatorCsvFileError } from "../../domain/csv";
import { formatAudience } from "../../components/creators/format-audience";
import { TierBadge } from "../../components/creators/TierBadge";
import { useI18n } from "../../i18n/i18n-context";

export type ImportPreviewData = {
  headerErrors: CreatorCsvFileError[];
  errors: CreatorCsvError[];
  /** All problems found, of which `errors` lists the first ones. */
  errorCount: number;
  ignoredColumns: string[];
  valid: number;
  created: number;
  updated: number;
  sample: Array<{ line: number; name: string; handle: string; platforms: Array<{ platform: string; followers: number }>; tier: string; exists: boolean }>;
};

/** The import's second step: what will be created or updated, and every row that will be skipped and why. */
export function ImportPreview({
  data,
  fileName,
  onImport,
  onChooseAnother,
}: {
  data: ImportPreviewData;
  fileName: string | null;
  onImport: () => void;
  onChooseAnother: () => void;
}) {
  const { t, locale } = useI18n();
  if (data.headerErrors.length > 0) {
    return (
      <Banner tone="critical" title={t("creators.import.fileErrorsTitle")}>
        <List>
          {data.headerErrors.map((error) => (
            <List.Item key={`${error.line}:${error.message}`}>
              {t("creators.import.line")} {error.line}: {error.message}
            </List.Item>
          ))}
        </List>
      </Banner>
    );
  }
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("creators.import.previewTitle")}
              {fileName ? ` · ${fileName}` : ""}
            </Text>
            <InlineStack gap="200">
              <Button onClick={onChooseAnother}>{t("creators.import.chooseAnother")}</Button>
              <Button variant="primary" onClick={onImport} disabled={data.valid === 0}>
                {t("creators.import.importButton", { count: data.valid })}
              </Button>
            </InlineStack>
          </InlineStack>
          {data.valid > 0 ? (
            <Text as="p">{t("creators.import.summary", { valid: data.valid, created: data.created, updated: data.updated })}</Text>
          ) : (
            <Banner tone="warning">{t("creators.import.nothingValid")}</Banner>
          )}
          {data.ignoredColumns.length > 0 && (
            <Text as="p" tone="subdued">
              {t("creators.import.ignoredColumns", { columns: data.ignoredColumns.join(", ") })}
            </Text>
          )}
        </BlockStack>
      </Card>
      {data.errorCount > 0 && (
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd" tone="critical">
              {t("creators.import.rowErrorsTitle", { count: data.errorCount })}
            </Text>
            <DataTable
              columnContentTypes={["numeric", "text", "text"]}
              headings={[t("creators.import.line"), t("creators.import.column"), t("creators.import.problem")]}
              rows={data.errors.map((error) => [error.line, error.field ?? "—", error.message])}
              increasedTableDensity
            />
            {data.errorCount > data.errors.length && (
              <Text as="p" tone="subdued">
                {t("creators.import.moreErrors", { count: data.errorCount - data.errors.length })}
              </Text>
            )}
          </BlockStack>
        </Card>
      )}
      {data.sample.length > 0 && (
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("creators.import.validTitle")}
            </Text>
            {data.valid > data.sample.length && (
              <Text as="p" tone="subdued">
                {t("creators.import.showingFirst", { count: data.sample.length })}
              </Text>
            )}
            <DataTable
              columnContentTypes={["numeric", "text", "text", "text", "text"]}
              headings={[t("creators.import.line"), t("creators.import.creator"), t("creators.columns.platforms"), t("creators.columns.tier"), t("creators.import.change")]}
              rows={data.sample.map((row) => [
                row.line,
                `${row.name} (@${row.handle})`,
                row.platforms.length === 0
                  ? t("creators.noPlatform")
                  : row.platforms.map((p) => `${t(`creators.platforms.${p.platform}`)} ${formatAudience(p.followers, locale)}`).join(" · "),
                <TierBadge key="tier" tier={row.tier} />,
                <Badge key="change" tone={row.exists ? "info" : "success"}>
                  {t(row.exists ? "creators.import.updateBadge" : "creators.import.newBadge")}
                </Badge>,
              ])}
              increasedTableDensity
            />
          </BlockStack>
        </Card>
      )}
    </BlockStack>
  );
}

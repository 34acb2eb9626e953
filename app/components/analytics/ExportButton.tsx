import { Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n-context";

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a CSV export. It is fetched rather than linked because inside the Shopify admin the request must carry
 * the session token, which App Bridge adds to fetch calls; the file is then saved from the response.
 */
export function ExportButton({ table, search }: { table: string; search: URLSearchParams }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setState("busy");
    try {
      const params = new URLSearchParams(search);
      params.set("locale", locale);
      const response = await fetch(`/app/export/${table}?${params.toString()}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameOf(response, `${table}.csv`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <InlineStack gap="200" blockAlign="center">
      <Button onClick={download} loading={state === "busy"} accessibilityLabel={t("analytics.export.label", { table: t(`analytics.export.tables.${table}`) })}>
        {t("analytics.export.button")}
      </Button>
      {state === "failed" && (
        <span role="alert">
          <Text as="span" tone="critical">
            {t("analytics.export.failed")}
          </Text>
        </span>
      )}
    </InlineStack>
  );
}

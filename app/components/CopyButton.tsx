import { Button } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n-context";

/** Copies through a hidden text area where the Clipboard API is not allowed (some admin iframes, plain http). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  document.body.removeChild(area);
  return copied;
}

/** A small "Copy" button that says "Copied" for two seconds, or that copying failed. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2000);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus(copyWithSelection(text) ? "copied" : "failed");
    }
  };
  return (
    <Button size="slim" onClick={copy} accessibilityLabel={label}>
      {status === "copied" ? t("codes.copy.copied") : status === "failed" ? t("codes.copy.failed") : t("codes.copy.copy")}
    </Button>
  );
}

import { Text, Tooltip } from "@shopify/polaris";
import type { Ratio } from "~/domain/metrics";
import { useI18n } from "../../i18n/i18n-context";
import { formatRatio, NO_VALUE, reasonKey, type FigureFormat } from "./format";

/** A ratio's value, or "—" with the reason (zero denominator…) in a tooltip and for screen readers. */
export function MetricValue({ value, format, currency }: { value: Ratio; format: FigureFormat; currency: string }) {
  const { t, locale } = useI18n();
  const text = formatRatio(value, format, currency, locale);
  if (text !== null) return <>{text}</>;
  const reason = t(reasonKey(value) ?? "analytics.reasons.unknown");
  return (
    <Tooltip content={reason}>
      <span aria-label={`${NO_VALUE} ${reason}`} title={reason} data-undefined-reason={value.kind === "undefined" ? value.reason : undefined}>
        <Text as="span" tone="subdued">
          {NO_VALUE}
        </Text>
      </span>
    </Tooltip>
  );
}

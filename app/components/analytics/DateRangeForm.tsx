import { Form, useSearchParams } from "@remix-run/react";
import { Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { RANGE_PRESETS, type DateRange, type RangePreset } from "~/queries/date-range";
import { useI18n } from "../../i18n/i18n-context";
import { formatDay } from "./format";

const OWN_PARAMS = new Set(["preset", "from", "to", "page"]);

/** The period picker: presets, a custom period, and the comparison period it implies. Other search parameters are kept. */
export function DateRangeForm({ range }: { range: DateRange }) {
  const { t, locale } = useI18n();
  const [searchParams] = useSearchParams();
  const [preset, setPreset] = useState<RangePreset>(range.preset);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const kept = [...searchParams.entries()].filter(([name]) => !OWN_PARAMS.has(name));
  return (
    <Form method="get" role="search" aria-label={t("analytics.range.label")}>
      {kept.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <InlineStack gap="300" blockAlign="end" wrap>
        <div style={{ minWidth: 200 }}>
          <Select
            label={t("analytics.range.label")}
            name="preset"
            value={preset}
            onChange={(value) => setPreset(value as RangePreset)}
            options={RANGE_PRESETS.map((p) => ({ value: p, label: t(`analytics.range.presets.${p}`) }))}
          />
        </div>
        {preset === "custom" && (
          <>
            <TextField label={t("analytics.range.from")} type="date" name="from" value={from} onChange={setFrom} autoComplete="off" />
            <TextField label={t("analytics.range.to")} type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
          </>
        )}
        <Button submit variant="primary">
          {t("analytics.range.apply")}
        </Button>
        <Text as="span" tone="subdued" variant="bodySm">
          {t("analytics.range.summary", {
            from: formatDay(range.from, locale, "medium"),
            to: formatDay(range.to, locale, "medium"),
            previousFrom: formatDay(range.previous.from, locale, "medium"),
            previousTo: formatDay(range.previous.to, locale, "medium"),
          })}
        </Text>
      </InlineStack>
    </Form>
  );
}

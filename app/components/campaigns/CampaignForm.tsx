import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { CAMPAIGN_FORM_STATUSES, CAMPAIGN_OBJECTIVES, COMPENSATION_TYPES, DISCOUNT_TYPES, type CampaignFormState } from "../../domain/campaigns";
import { useI18n } from "../../i18n/i18n-context";

export type CampaignFieldErrors = Partial<Record<string, string>>;

/** The campaign create/edit form; amounts are typed in the shop currency, days in the shop's time zone. Errors are locale keys. */
export function CampaignForm({
  initial,
  errors,
  currencyCode,
  timeZone,
  slug,
  submitting,
}: {
  initial: CampaignFormState;
  errors: CampaignFieldErrors;
  currencyCode: string;
  timeZone: string;
  slug: string | null;
  submitting: boolean;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof CampaignFormState>(key: K) =>
    (value: CampaignFormState[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const options = (values: ReadonlyArray<string>, prefix: string) => values.map((value) => ({ label: t(`${prefix}.${value}`), value }));
  const percentage = values.discountType === "percentage";

  return (
    <Form method="post" id="campaign-form">
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("campaigns.form.basicsTitle")}
            </Text>
            <FormLayout>
              <TextField
                label={t("campaigns.form.name")}
                name="name"
                value={values.name}
                onChange={set("name")}
                autoComplete="off"
                helpText={slug ? t("campaigns.form.slugHelp", { slug }) : undefined}
                error={error("name")}
              />
              <FormLayout.Group>
                <Select label={t("campaigns.form.objective")} name="objective" options={options(CAMPAIGN_OBJECTIVES, "campaigns.objectives")} value={values.objective} onChange={set("objective")} error={error("objective")} />
                <Select label={t("campaigns.form.status")} name="status" options={options(CAMPAIGN_FORM_STATUSES, "campaigns.statuses")} value={values.status} onChange={set("status")} error={error("status")} />
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField label={t("campaigns.form.startsOn")} name="startsOn" type="date" value={values.startsOn} onChange={set("startsOn")} autoComplete="off" error={error("startsOn")} />
                <TextField
                  label={t("campaigns.form.endsOn")}
                  name="endsOn"
                  type="date"
                  value={values.endsOn}
                  onChange={set("endsOn")}
                  autoComplete="off"
                  error={error("endsOn")}
                  helpText={t("campaigns.form.datesHelp", { timeZone })}
                />
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField
                  label={t("campaigns.form.budget")}
                  name="budget"
                  inputMode="decimal"
                  value={values.budget}
                  onChange={set("budget")}
                  suffix={currencyCode}
                  autoComplete="off"
                  helpText={t("campaigns.form.budgetHelp", { currency: currencyCode })}
                  error={error("budget")}
                />
                <Select
                  label={t("campaigns.form.compensationType")}
                  name="compensationType"
                  options={options(COMPENSATION_TYPES, "campaigns.compensation")}
                  value={values.compensationType}
                  onChange={set("compensationType")}
                  error={error("compensationType")}
                />
              </FormLayout.Group>
              <TextField
                label={t("campaigns.form.brief")}
                name="brief"
                value={values.brief}
                onChange={set("brief")}
                multiline={4}
                autoComplete="off"
                helpText={t("campaigns.form.briefHelp")}
                error={error("brief")}
              />
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("campaigns.form.discountTitle")}
              </Text>
              <Text as="p" tone="subdued">
                {t("campaigns.form.discountHelp")}
              </Text>
            </BlockStack>
            <FormLayout>
              <FormLayout.Group>
                <Select label={t("campaigns.form.discountType")} name="discountType" options={options(DISCOUNT_TYPES, "campaigns.discountTypes")} value={values.discountType} onChange={set("discountType")} error={error("discountType")} />
                <TextField
                  label={t(percentage ? "campaigns.form.discountValuePercent" : "campaigns.form.discountValueAmount")}
                  name="discountValue"
                  inputMode={percentage ? "numeric" : "decimal"}
                  value={values.discountValue}
                  onChange={set("discountValue")}
                  suffix={percentage ? "%" : currencyCode}
                  autoComplete="off"
                  error={error("discountValue")}
                />
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField
                  label={t("campaigns.form.minimumOrder")}
                  name="minimumOrder"
                  inputMode="decimal"
                  value={values.minimumOrder}
                  onChange={set("minimumOrder")}
                  suffix={currencyCode}
                  autoComplete="off"
                  helpText={t("campaigns.form.minimumOrderHelp", { currency: currencyCode })}
                  error={error("minimumOrder")}
                />
                <TextField
                  label={t("campaigns.form.usageLimit")}
                  name="usageLimit"
                  inputMode="numeric"
                  value={values.usageLimit}
                  onChange={set("usageLimit")}
                  autoComplete="off"
                  helpText={t("campaigns.form.usageLimitHelp")}
                  error={error("usageLimit")}
                />
              </FormLayout.Group>
              <Checkbox label={t("campaigns.form.oncePerCustomer")} name="oncePerCustomer" checked={values.oncePerCustomer} onChange={set("oncePerCustomer")} />
              <BlockStack gap="100">
                <Text as="p" fontWeight="medium">
                  {t("campaigns.form.combinesTitle")}
                </Text>
                <Checkbox label={t("campaigns.form.combinesWithOrder")} name="combinesWithOrder" checked={values.combinesWithOrder} onChange={set("combinesWithOrder")} />
                <Checkbox label={t("campaigns.form.combinesWithProduct")} name="combinesWithProduct" checked={values.combinesWithProduct} onChange={set("combinesWithProduct")} />
                <Checkbox label={t("campaigns.form.combinesWithShipping")} name="combinesWithShipping" checked={values.combinesWithShipping} onChange={set("combinesWithShipping")} />
              </BlockStack>
            </FormLayout>
          </BlockStack>
        </Card>
        <InlineStack align="end">
          <Button variant="primary" submit loading={submitting}>
            {t("campaigns.form.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

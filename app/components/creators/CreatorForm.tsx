import { Form } from "@remix-run/react";
import { BlockStack, Box, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { PLATFORMS, tierFromAudience } from "../../domain/creators";
import { useI18n } from "../../i18n/i18n-context";
import type { CreatorFieldErrors, CreatorFormFields } from "./creator-form-errors";

type Row = CreatorFormFields["platforms"][number] & { key: number };

/**
 * The creator create/edit form. Platform rows post as parallel `platform`/`followers`/`url` inputs, so the
 * form also works before the page's script has loaded. Errors are locale keys by field.
 */
export function CreatorForm({ initial, errors, submitting }: { initial: CreatorFormFields; errors: CreatorFieldErrors; submitting: boolean }) {
  const { t } = useI18n();
  const [name, setName] = useState(initial.name);
  const [handle, setHandle] = useState(initial.handle);
  const [email, setEmail] = useState(initial.email);
  const [notes, setNotes] = useState(initial.notes);
  const [nextKey, setNextKey] = useState(initial.platforms.length);
  const [rows, setRows] = useState<Row[]>(() => initial.platforms.map((row, key) => ({ ...row, key })));

  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const update = (key: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const addRow = () => {
    const used = new Set(rows.map((row) => row.platform));
    const platform = PLATFORMS.find((candidate) => !used.has(candidate)) ?? "other";
    setRows((current) => [...current, { key: nextKey, platform, followers: "", url: "" }]);
    setNextKey(nextKey + 1);
  };

  // The tier the server will derive, shown while typing; rows not yet a whole number do not count.
  const tier = useMemo(
    () => tierFromAudience(rows.filter((row) => /^\d+$/.test(row.followers.trim())).map((row) => ({ platform: row.platform, followers: Number(row.followers.trim()) }))),
    [rows],
  );
  const platformOptions = PLATFORMS.map((platform) => ({ label: t(`creators.platforms.${platform}`), value: platform }));

  return (
    <Form method="post" id="creator-form">
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("creators.form.detailsTitle")}
            </Text>
            <FormLayout>
              <FormLayout.Group>
                <TextField label={t("creators.form.name")} name="name" value={name} onChange={setName} autoComplete="off" error={error("name")} />
                <TextField
                  label={t("creators.form.handle")}
                  name="handle"
                  value={handle}
                  onChange={setHandle}
                  prefix="@"
                  autoComplete="off"
                  helpText={t("creators.form.handleHelp")}
                  error={error("handle")}
                />
              </FormLayout.Group>
              <TextField
                label={t("creators.form.email")}
                name="email"
                type="email"
                value={email}
                onChange={setEmail}
                autoComplete="off"
                helpText={t("creators.form.emailHelp")}
                error={error("email")}
              />
              <TextField label={t("creators.form.notes")} name="notes" value={notes} onChange={setNotes} multiline={3} autoComplete="off" error={error("notes")} />
            </FormLayout>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {t("creators.form.platformsTitle")}
              </Text>
              <Text as="span" tone="subdued">
                {t("creators.form.tierPreview", { tier: t(`creators.tiers.${tier}`) })}
              </Text>
            </InlineStack>
            <Text as="p" tone="subdued">
              {t("creators.form.platformsHelp")}
            </Text>
            {rows.length === 0 && <Text as="p">{t("creators.form.noPlatforms")}</Text>}
            {rows.map((row, index) => (
              <Box key={row.key} paddingBlockEnd="200">
                <FormLayout>
                  <FormLayout.Group condensed>
                    <Select
                      label={t("creators.form.platform")}
                      name="platform"
                      options={platformOptions}
                      value={row.platform}
                      onChange={(platform) => update(row.key, { platform })}
                      error={error(`platforms.${index}.platform`)}
                    />
                    <TextField
                      label={t("creators.form.followers")}
                      name="followers"
                      inputMode="numeric"
                      value={row.followers}
                      onChange={(followers) => update(row.key, { followers })}
                      autoComplete="off"
                      error={error(`platforms.${index}.followers`)}
                    />
                    <TextField
                      label={t("creators.form.url")}
                      name="url"
                      type="url"
                      value={row.url}
                      onChange={(url) => update(row.key, { url })}
                      autoComplete="off"
                      placeholder="https://"
                      error={error(`platforms.${index}.url`)}
                      connectedRight={
                        <Button onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))} accessibilityLabel={`${t("creators.form.removePlatform")} ${t(`creators.platforms.${row.platform}`)}`}>
                          {t("creators.form.removePlatform")}
                        </Button>
                      }
                    />
                  </FormLayout.Group>
                </FormLayout>
              </Box>
            ))}
            <InlineStack>
              <Button onClick={addRow} disabled={rows.length >= PLATFORMS.length}>
                {t("creators.form.addPlatform")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
        <InlineStack align="end">
          <Button variant="primary" submit loading={submitting}>
            {t("creators.form.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

import { Banner, BlockStack, Box, Button, Checkbox, InlineStack, Modal, Pagination, Spinner, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n-context";
import type { CampaignCreators, CreatorChoice } from "../queries/get-campaign-creators.server";
import { campaignCreatorsUrl, getJson } from "./campaign-creators-api";

export const MAX_CREATORS_PER_ADD = 500;

export type AddCreatorsRequest = {
  creators: Array<Pick<CreatorChoice, "id" | "name" | "handle">>;
  destinationPath: string;
  code: string;
};

/**
 * Picks creators of the shop (searchable, 100 per page, the selection kept across pages and searches) plus the
 * landing page of their links and, for a single creator, a code typed by staff.
 */
export function AddCreatorsModal({
  campaign,
  initialChoices,
  onClose,
  onSubmit,
}: {
  campaign: CampaignCreators["campaign"];
  initialChoices: CampaignCreators["choices"];
  onClose: () => void;
  onSubmit: (request: AddCreatorsRequest) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const [choices, setChoices] = useState(initialChoices);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const [selected, setSelected] = useState<Map<string, Pick<CreatorChoice, "id" | "name" | "handle">>>(new Map());
  const [destinationPath, setDestinationPath] = useState("");
  const [code, setCode] = useState("");

  useEffect(() => {
    if (query === "" && page === 1) {
      setChoices(initialChoices);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      const params = new URLSearchParams({ q: query, page: String(page) });
      getJson<CampaignCreators>(`${campaignCreatorsUrl(campaign.id)}?${params.toString()}`)
        .then((data) => {
          if (cancelled) return;
          setChoices(data.choices);
          setLoadFailed(false);
        })
        .catch(() => !cancelled && setLoadFailed(true))
        .finally(() => !cancelled && setLoading(false));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, page, campaign.id, initialChoices]);

  const toggle = (creator: CreatorChoice, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(creator.id, { id: creator.id, name: creator.name, handle: creator.handle });
      else next.delete(creator.id);
      return next;
    });
  const addable = choices.items.filter((creator) => !creator.inCampaign);
  const selectPage = () =>
    setSelected((current) => {
      const next = new Map(current);
      for (const creator of addable) next.set(creator.id, { id: creator.id, name: creator.name, handle: creator.handle });
      return next;
    });
  const count = selected.size;
  const tooMany = count > MAX_CREATORS_PER_ADD;
  const lastPage = Math.max(1, Math.ceil(choices.total / choices.pageSize));

  return (
    <Modal
      open
      onClose={onClose}
      title={t("codes.add.title", { campaign: campaign.name })}
      primaryAction={{
        content: t("codes.add.submit", { count }),
        disabled: count === 0 || tooMany,
        onAction: () => onSubmit({ creators: [...selected.values()], destinationPath, code: count === 1 ? code : "" }),
      }}
      secondaryActions={[{ content: t("codes.add.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <TextField
            label={t("codes.add.search")}
            placeholder={t("codes.add.searchPlaceholder")}
            value={query}
            onChange={(value) => {
              setQuery(value);
              setPage(1);
            }}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => setQuery("")}
          />
          {loadFailed && <Banner tone="critical">{t("codes.add.loadError")}</Banner>}
          <InlineStack gap="300" blockAlign="center">
            <Text as="span" variant="bodySm" tone={tooMany ? "critical" : "subdued"}>
              {t("codes.add.selected", { count })}
            </Text>
            <Button variant="plain" onClick={selectPage} disabled={addable.length === 0}>
              {t("codes.add.selectPage")}
            </Button>
            {count > 0 && (
              <Button variant="plain" onClick={() => setSelected(new Map())}>
                {t("codes.add.clearSelection")}
              </Button>
            )}
            {loading && <Spinner size="small" accessibilityLabel={t("codes.section.loading")} />}
          </InlineStack>
          {tooMany && <Banner tone="warning">{t("codes.add.tooMany", { max: MAX_CREATORS_PER_ADD })}</Banner>}
          <Box maxWidth="100%" minHeight="8rem">
            {choices.items.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("codes.add.noCreators")}
              </Text>
            ) : (
              <BlockStack gap="100">
                {choices.items.map((creator) => (
                  <Checkbox
                    key={creator.id}
                    label={`${creator.name} (@${creator.handle})`}
                    helpText={creator.inCampaign ? t("codes.add.alreadyAdded") : undefined}
                    disabled={creator.inCampaign}
                    checked={creator.inCampaign || selected.has(creator.id)}
                    onChange={(on) => toggle(creator, on)}
                  />
                ))}
              </BlockStack>
            )}
          </Box>
          {lastPage > 1 && (
            <Pagination
              hasPrevious={page > 1}
              hasNext={page < lastPage}
              onPrevious={() => setPage((p) => Math.max(1, p - 1))}
              onNext={() => setPage((p) => Math.min(lastPage, p + 1))}
              label={t("codes.add.page", { page, pages: lastPage })}
            />
          )}
          <TextField
            label={t("codes.add.destination")}
            helpText={t("codes.add.destinationHelp")}
            placeholder="/"
            value={destinationPath}
            onChange={setDestinationPath}
            autoComplete="off"
          />
          {count === 1 && (
            <TextField
              label={t("codes.add.code")}
              helpText={t("codes.add.codeHelp")}
              value={code}
              onChange={setCode}
              autoComplete="off"
              maxLength={32}
            />
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

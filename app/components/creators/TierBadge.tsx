import { Badge, type BadgeProps } from "@shopify/polaris";
import type { Tier } from "../../domain/creators";
import { useI18n } from "../../i18n/i18n-context";

// Larger tiers stand out more; the colour only supports the label, never replaces it.
const TONES: Record<Tier, BadgeProps["tone"]> = { nano: undefined, micro: "info", mid: "success", macro: "attention", mega: "magic" };

export function TierBadge({ tier }: { tier: string }) {
  const { t } = useI18n();
  const known = (Object.keys(TONES) as Tier[]).find((candidate) => candidate === tier);
  return <Badge tone={known ? TONES[known] : undefined}>{t(`creators.tiers.${tier}`)}</Badge>;
}

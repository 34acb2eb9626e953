export const MAX_CAMPAIGN_SLUG_LENGTH = 48;

// Letters that NFKD does not decompose into a base letter plus a mark.
const FOLDS: Readonly<Record<string, string>> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ð: "d", þ: "th" };

/**
 * The URL-safe slug of a campaign name: accents folded to ASCII, lower case, words joined by "-",
 * at most 48 characters; a name with no letter or digit gives "campaign".
 */
export function campaignSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[œæßøđłðþ]/g, (letter) => FOLDS[letter] ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_CAMPAIGN_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug === "" ? "campaign" : slug;
}

/** The first of base, base-2, base-3, … not already taken in the shop (slugs are unique per shop). */
export function uniqueCampaignSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_CAMPAIGN_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

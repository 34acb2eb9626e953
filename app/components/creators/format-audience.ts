/** A follower count as staff read it in a list: 12,400 → "12K", 1,250,000 → "1.3M" (French: "12 k", "1,3 M"). */
export function formatAudience(followers: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(followers);
}

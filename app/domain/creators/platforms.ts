/** Social platforms a creator can be followed on; the order is the order shown in forms and exports. */
export const PLATFORMS = [
  "instagram",
  "tiktok",
  "youtube",
  "twitter",
  "facebook",
  "pinterest",
  "twitch",
  "snapchat",
  "linkedin",
  "blog",
  "other",
] as const;

export type Platform = (typeof PLATFORMS)[number];

// Short names staff actually type in forms and spreadsheets. "x" is Twitter since 2023.
// A Map, not an object literal, so that "constructor" or "__proto__" never resolve to a prototype member.
const ALIASES: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ["ig", "instagram"],
  ["insta", "instagram"],
  ["x", "twitter"],
  ["yt", "youtube"],
  ["fb", "facebook"],
  ["tt", "tiktok"],
]);

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);

/** True when the value is one of the canonical platform names (exact, lower-case). */
export function isPlatform(value: string): value is Platform {
  return PLATFORM_SET.has(value);
}

/** Reads a platform name or alias, case-insensitive and trimmed; null when it is not a known platform. */
export function parsePlatform(raw: string): Platform | null {
  const key = raw.trim().toLowerCase();
  if (isPlatform(key)) return key;
  return ALIASES.get(key) ?? null;
}

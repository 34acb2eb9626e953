import type { UtmSet } from "./build-utm";

const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"] as const;

/**
 * Adds the link's UTMs to a path's query. UTMs already in the path are dropped so a link never carries two
 * conflicting values; every other parameter is kept exactly as written.
 */
export function appendUtm(path: string, utm: UtmSet): string {
  const queryAt = path.indexOf("?");
  const base = queryAt === -1 ? path : path.slice(0, queryAt);
  const query = queryAt === -1 ? "" : path.slice(queryAt + 1);
  const kept = query.split("&").filter((pair) => pair !== "" && !isUtmPair(pair));
  const added: string[] = [];
  for (const key of UTM_KEYS) {
    const value = utm[key];
    if (value !== undefined) added.push(`${key}=${encodeURIComponent(value)}`);
  }
  const all = [...kept, ...added];
  return all.length === 0 ? base : `${base}?${all.join("&")}`;
}

function isUtmPair(pair: string): boolean {
  const rawKey = pair.split("=", 1)[0] ?? "";
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replaceAll("+", " "));
  } catch {
    return false;
  }
  return (UTM_KEYS as readonly string[]).includes(key.toLowerCase());
}

import { createHmac } from "node:crypto";

export interface VisitorHashInput {
  ip: string | null;
  userAgent: string | null;
  /** Server-side secret, at least 16 characters; never stored with the clicks. */
  salt: string;
  /** The click's day 'YYYY-MM-DD' in the shop's time zone. */
  day: string;
}

/**
 * Counts unique visitors without keeping who they are: HMAC-SHA256 keyed by a server secret over
 * (day, IP, user agent), as hex. Including the day rotates the hash daily, so one person cannot be followed
 * across days and the stored hash is useless without both the secret and the day; the raw IP is never returned.
 * The same visitor on the same day gets the same hash, which is all duplicate-click counting needs.
 */
export function visitorHash({ ip, userAgent, salt, day }: VisitorHashInput): string {
  if (salt.length < 16) throw new RangeError("The visitor hash salt must be at least 16 characters.");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`The visitor hash day must be YYYY-MM-DD, got ${JSON.stringify(day)}.`);
  // IPv6 text is case-insensitive; JSON keeps the three parts unambiguous whatever characters the user agent holds.
  const message = JSON.stringify([day, (ip ?? "").trim().toLowerCase(), userAgent ?? ""]);
  return createHmac("sha256", salt).update(message, "utf8").digest("hex");
}

import type { Platform } from "./platforms";

export const TIERS = ["nano", "micro", "mid", "macro", "mega"] as const;
export type Tier = (typeof TIERS)[number];

export interface PlatformAudience {
  platform: Platform | string;
  followers: number;
}

// Lower bounds, checked from the largest; each bound belongs to the higher tier (exactly 10,000 is micro).
const THRESHOLDS: ReadonlyArray<readonly [number, Tier]> = [
  [1_000_000, "mega"],
  [500_000, "macro"],
  [100_000, "mid"],
  [10_000, "micro"],
];

/**
 * A creator's tier comes from their single largest audience, not the sum across platforms
 * (followers overlap between platforms): nano < 10k ≤ micro < 100k ≤ mid < 500k ≤ macro < 1M ≤ mega.
 * No platforms means nano.
 */
export function tierFromAudience(platforms: ReadonlyArray<PlatformAudience>): Tier {
  let largest = 0;
  for (const { followers } of platforms) {
    if (!Number.isInteger(followers) || followers < 0) {
      throw new RangeError(`followers must be a whole number ≥ 0, got ${String(followers)}`);
    }
    if (followers > largest) largest = followers;
  }
  for (const [bound, tier] of THRESHOLDS) {
    if (largest >= bound) return tier;
  }
  return "nano";
}

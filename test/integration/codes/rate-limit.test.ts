// The fixed-window counter behind the link proxy's per-IP limit, on a real database: exact under concurrency (the
// same holds across app instances, which share nothing but the database), windows roll over, keys are independent.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { openSecondClient, startInProcess, type InProcess } from "./in-process";

type RateLimit = typeof import("../../../app/models/rate-limit.server");

let env: InProcess;
let limits: RateLimit;

beforeAll(async () => {
  env = await startInProcess();
  limits = await import("../../../app/models/rate-limit.server");
});
afterAll(() => env?.close());
beforeEach(async () => {
  await env.database.client.rateLimit.deleteMany();
});

const at = (iso: string) => new Date(iso);

describe("hitRateLimit", () => {
  test("the first `limit` hits of a window pass, later ones are refused (and still counted)", async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await limits.hitRateLimit("ip:a", 3, 60_000, at("2026-06-01T10:00:10Z")));
    expect(outcomes).toEqual([true, true, true, false, false]);
    expect(await env.database.client.rateLimit.findMany()).toEqual([{ key: "ip:a", windowStart: at("2026-06-01T10:00:00Z"), count: 5 }]);
  });

  test("100 hits at once with a limit of 10: exactly 10 pass", async () => {
    const now = at("2026-06-01T10:00:30Z");
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => limits.hitRateLimit("ip:burst", 10, 60_000, now)));
    expect(outcomes.filter(Boolean)).toHaveLength(10);
  });

  test("two app instances (two database clients) share one count", async () => {
    // A second client on the same database stands for a second instance behind the load balancer.
    const other = openSecondClient(env.database);
    try {
      const now = at("2026-06-01T10:00:30Z");
      const key = "ip:shared";
      const windowStart = at("2026-06-01T10:00:00Z");
      const otherInstanceHit = () =>
        other.rateLimit.upsert({
          where: { key_windowStart: { key, windowStart } },
          create: { key, windowStart, count: 1 },
          update: { count: { increment: 1 } },
        });
      await Promise.all([otherInstanceHit(), otherInstanceHit(), otherInstanceHit()]);
      expect(await limits.hitRateLimit(key, 4, 60_000, now)).toBe(true);
      expect(await limits.hitRateLimit(key, 4, 60_000, now)).toBe(false);
    } finally {
      await other.$disconnect();
    }
  });

  test.each([
    ["the next window starts afresh", "2026-06-01T10:01:00Z", true],
    ["the last millisecond of the window is still in it", "2026-06-01T10:00:59.999Z", false],
  ])("%s", async (_label, second, expected) => {
    await limits.hitRateLimit("ip:b", 1, 60_000, at("2026-06-01T10:00:00Z"));
    expect(await limits.hitRateLimit("ip:b", 1, 60_000, at(second))).toBe(expected);
  });

  test("keys are counted apart", async () => {
    const now = at("2026-06-01T10:00:00Z");
    expect(await limits.hitRateLimit("ip:c", 1, 60_000, now)).toBe(true);
    expect(await limits.hitRateLimit("ip:d", 1, 60_000, now)).toBe(true);
    expect(await limits.hitRateLimit("ip:c", 1, 60_000, now)).toBe(false);
  });

  test.each([
    ["an empty key", "", 1, 60_000],
    ["a zero limit", "k", 0, 60_000],
    ["a fractional limit", "k", 1.5, 60_000],
    ["a zero window", "k", 1, 0],
    ["a window longer than a day", "k", 1, 86_400_001],
  ])("refuses %s", async (_label, key, limit, windowMs) => {
    await expect(limits.hitRateLimit(key, limit, windowMs)).rejects.toThrow(RangeError);
  });

  test("pruning removes only windows older than the cut-off", async () => {
    await limits.hitRateLimit("ip:old", 5, 60_000, at("2026-05-01T00:00:00Z"));
    await limits.hitRateLimit("ip:new", 5, 60_000, at("2026-06-01T00:00:00Z"));
    expect(await limits.pruneRateLimits(at("2026-05-15T00:00:00Z"))).toBe(1);
    expect((await env.database.client.rateLimit.findMany()).map((row) => row.key)).toEqual(["ip:new"]);
  });
});

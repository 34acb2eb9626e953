import { db } from "../db.server";
import { Prisma } from "../generated/prisma/client";

// Fixed-window counters kept in the database so that every app instance behind the load balancer counts the same
// requests. One row per (key, window start); the increment is a single upsert, so two instances hitting the same
// window add up instead of overwriting each other.

/** Rows of windows that ended long ago are deleted now and then, on roughly one hit in this many. */
const PRUNE_ONE_HIT_IN = 200;
/** The longest window a key may use; pruning keeps every row younger than this, whatever key it belongs to. */
export const MAX_RATE_LIMIT_WINDOW_MS = 24 * 60 * 60 * 1000;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Counts one hit for `key` in the current fixed window of `windowMs` and says whether it is allowed:
 * the first `limit` hits of a window are, every later one is not (it is still counted).
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number, now: Date = new Date()): Promise<boolean> {
  if (key === "") throw new RangeError("A rate limit key must not be empty");
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowMs) || windowMs < 1 || windowMs > MAX_RATE_LIMIT_WINDOW_MS) {
    throw new RangeError(`windowMs must be a whole number of milliseconds from 1 to ${MAX_RATE_LIMIT_WINDOW_MS}, got ${windowMs}`);
  }
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const count = await incrementWindow(key, windowStart);
  if (Math.random() * PRUNE_ONE_HIT_IN < 1) {
    // Windows of other keys may be longer than this one: only rows older than the longest allowed window go.
    await pruneRateLimits(new Date(now.getTime() - 2 * MAX_RATE_LIMIT_WINDOW_MS)).catch(() => undefined);
  }
  return count <= limit;
}

async function incrementWindow(key: string, windowStart: Date): Promise<number> {
  const upsert = () =>
    db.rateLimit.upsert({
      where: { key_windowStart: { key, windowStart } },
      create: { key, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
  try {
    return (await upsert()).count;
  } catch (error) {
    // Two instances creating the same window at once: one insert loses on the primary key; the row now exists,
    // so the retry is a plain increment.
    if (!isUniqueViolation(error)) throw error;
    return (await upsert()).count;
  }
}

/** Deletes counters of windows that started before `before`; returns how many went. */
export async function pruneRateLimits(before: Date): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
  return count;
}

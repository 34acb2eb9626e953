import { db } from "../db.server";

/** How long a health probe waits for the database before calling it down. */
export const DATABASE_PING_TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query in time (load balancer health checks; no shop data is read). */
export async function pingDatabase(timeoutMs: number = DATABASE_PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

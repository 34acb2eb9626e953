import { databaseTarget } from "../db.server";
import type { Tx } from "./transaction.server";

// Ingestion reads an order's stored state (its rollup state, its refunds, its customer's history) and writes the
// difference. On SQLite every transaction runs alone on the one connection, so that is safe as written. On PostgreSQL,
// transactions of several connections and app instances run at once under READ COMMITTED: a refunds/create and the
// orders/updated that lists the same refund, handled at the same moment, would both see the refund as new and both
// subtract it. Taking this lock first makes a shop's ingestion run one transaction at a time, as on SQLite, across
// every instance; different shops still run in parallel. A transaction-scoped advisory lock is released at commit or
// rollback by PostgreSQL itself, so a crashed process never leaves it held, and it works behind a pooler in
// transaction mode.

/** Waits until no other transaction ingests for the shop (PostgreSQL); held until the caller's transaction ends. */
export async function lockShopIngestion(tx: Tx, shop: string): Promise<void> {
  if (databaseTarget.provider !== "postgresql") return;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`creator-roi:ingest:${shop}`}, 0))`;
}

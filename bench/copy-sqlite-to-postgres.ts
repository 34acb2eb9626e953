// Copies every app table of a SQLite database into a migrated PostgreSQL database of the same schema (the generated
// twin), so that a benchmark can generate its data once, fast, in SQLite and measure the same rows on both providers.
// Values are converted by the PostgreSQL column type: SQLite keeps booleans as 0/1 and dates as ISO text (UTC).
import Database from "better-sqlite3";
import pg from "pg";

/** PostgreSQL accepts at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

type Column = { name: string; type: string };

function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === 1n || value === true || value === "1";
  if (typeof value === "bigint") return value.toString();
  if (type.startsWith("timestamp") && typeof value === "number") return new Date(value).toISOString();
  return value;
}

/** Copies the rows of every table the two databases share; returns the row count per table. */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string, log: (line: string) => void = () => undefined): Promise<Record<string, number>> {
  const sqlite = new Database(sqliteFile, { readonly: true });
  sqlite.defaultSafeIntegers(true);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    // Tables are copied in SQLite's order, not in foreign-key order: the copy skips the FK triggers (superuser only;
    // the rows were consistent in SQLite).
    await client.query("SET session_replication_role = replica");
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`).all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const pgColumns = (
        await client.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [table],
        )
      ).rows;
      if (pgColumns.length === 0) continue;
      const types = new Map(pgColumns.map((c) => [c.column_name, c.data_type]));
      const sqliteColumns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      const columns: Column[] = sqliteColumns.filter((name) => types.has(name)).map((name) => ({ name, type: types.get(name)! }));
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      const columnList = columns.map((c) => `"${c.name}"`).join(", ");
      const started = performance.now();
      let batch: unknown[][] = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${row.map((value) => (values.push(value), `$${values.length}`)).join(", ")})`);
        await client.query(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, values);
        copied += batch.length;
        batch = [];
      };
      await client.query("BEGIN");
      for (const row of sqlite.prepare(`SELECT ${columnList} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((value, i) => convert(value, columns[i]!.type)));
        if (batch.length >= perStatement) await flush();
      }
      await flush();
      await client.query("COMMIT");
      counts[table] = copied;
      if (copied > 0) log(`  ${table}: ${copied.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // A database in service has been vacuumed by autovacuum: the visibility map lets the dashboard's
    // covering indexes answer without heap reads. A freshly copied one has not, so do it here.
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
    sqlite.close();
  }
  return counts;
}

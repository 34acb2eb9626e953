// The offline schema engine, shared by scripts/migrate.ts and the test database setup.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SchemaEngine, type MigrationList } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../../app/db/database-url.ts";

const NO_FILTER = { externalTables: [], externalEnums: [] };

async function adapterFactoryFor(target: DatabaseTarget) {
  if (target.provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: target.url });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: target.url });
}

function readMigrations(migrationsDir: string, provider: DatabaseTarget["provider"]): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(migrationsDir, dir, "migration.sql");
      return {
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
  void provider;
}

async function withEngine<T>(target: DatabaseTarget, schemaPath: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const content = fs.readFileSync(schemaPath, "utf8");
  const factory = await adapterFactoryFor(target);
  // The engine opens connections but never closes them; a SQLite file would stay locked for this process.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      opened.push(connection);
      return connection;
    },
  };
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, content]] }, (line: string) => logs.push(line), bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await work(engine);
  } catch (error) {
    throw new Error(`Schema engine failed: ${describe(error)}`);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}

/** Applies every pending migration in `migrationsDir`; returns the names applied. */
export async function applyMigrations(opts: { target: DatabaseTarget; schemaPath: string; migrationsDir: string }): Promise<string[]> {
  const applied = await withEngine(opts.target, opts.schemaPath, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(opts.migrationsDir, opts.target.provider), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
  if (opts.target.provider === "sqlite" && opts.target.filePath !== ":memory:") {
    // WAL is stored in the file: page loaders then read while a webhook writes.
    const { default: Database } = await import("better-sqlite3");
    const file = new Database(opts.target.filePath);
    file.pragma("journal_mode = WAL");
    file.close();
  }
  return applied;
}

/** Writes `<timestamp>_<name>/migration.sql` with the SQL that takes the migrations to the schema; null when nothing changed. */
export async function createMigration(opts: { target: DatabaseTarget; schemaPath: string; migrationsDir: string; name: string }): Promise<string | null> {
  const content = fs.readFileSync(opts.schemaPath, "utf8");
  const sql = opts.target.provider === "sqlite" ? await diffFromScratchDatabase(opts, content) : await diffFromSnapshot(opts, content);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(opts.migrationsDir, `${stamp}_${opts.name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  if (opts.target.provider === "postgresql") fs.writeFileSync(snapshotPath(opts.migrationsDir), content);
  const lock = path.join(opts.migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${opts.target.provider}"\n`);
  }
  return path.join(dir, "migration.sql");
}

/** The schema the PostgreSQL migrations lead to, kept beside them. */
export function snapshotPath(migrationsDir: string): string {
  return path.join(migrationsDir, "schema-snapshot.prisma");
}

// SQLite: the history is applied to a scratch database and the diff taken from it (the engine's own
// shadow replay sends multi-statement scripts through the adapter's single-statement path, which
// better-sqlite3 refuses).
async function diffFromScratchDatabase(opts: { target: DatabaseTarget; schemaPath: string; migrationsDir: string }, content: string) {
  const scratch = await createScratchDatabase(opts.target);
  try {
    return await withEngine(scratch.target, opts.schemaPath, async (engine) => {
      await engine.applyMigrations({ migrationsList: readMigrations(opts.migrationsDir, opts.target.provider), filters: NO_FILTER });
      const files = [{ path: opts.schemaPath, content }];
      const diff = await engine.diff({
        from: { tag: "schemaDatasource", files, configDir: path.dirname(opts.schemaPath) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      return diff.stdout ?? "";
    });
  } finally {
    await scratch.drop();
  }
}

// PostgreSQL: the engine cannot describe a live database through the pg adapter (pg_catalog's "char"
// columns do not deserialize), so the diff is taken between schemas: from the snapshot the existing
// migrations lead to, to the current schema. No database is touched.
async function diffFromSnapshot(opts: { target: DatabaseTarget; schemaPath: string; migrationsDir: string }, content: string) {
  const snapshot = snapshotPath(opts.migrationsDir);
  return withEngine(opts.target, opts.schemaPath, async (engine) => {
    const from = fs.existsSync(snapshot)
      ? { tag: "schemaDatamodel" as const, files: [{ path: snapshot, content: fs.readFileSync(snapshot, "utf8") }] }
      : { tag: "empty" as const };
    const diff = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: opts.schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return diff.stdout ?? "";
  });
}

/** An empty database of the target's kind, dropped afterwards. */
async function createScratchDatabase(target: DatabaseTarget): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const name = `creator_roi_scratch_${process.pid}_${Date.now()}`;
  if (target.provider === "sqlite") {
    const filePath = path.join(os.tmpdir(), `${name}.db`);
    return {
      target: { provider: "sqlite", filePath, url: `file:${filePath}` },
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(filePath + suffix, { force: true });
      },
    };
  }
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return {
    target: { provider: "postgresql", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

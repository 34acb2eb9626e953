// better-sqlite3 compiles every SQL text Prisma sends (the driver adapter calls prepare() per query), and compiling
// costs about as much as running these small statements. Prisma sends the same few texts over and over, so each
// connection keeps its compiled statements by text and reuses them; the adapter still binds its arguments per call.
import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[]>;
type Columns = ReturnType<Statement["columns"]>;

// A statement's result columns never change; better-sqlite3 builds the list afresh on every call.
const columnsOf = new WeakMap<Statement, Columns>();

/** What the Prisma adapter uses of a prepared statement: bind once, then read or run it. */
class ReusedStatement {
  private args: unknown[] = [];
  private rawRows = false;

  constructor(private readonly statement: Statement) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  bind(args: unknown[]): this {
    this.args = args;
    return this;
  }

  raw(toggle = true): this {
    this.rawRows = toggle;
    return this;
  }

  columns(): Columns {
    let columns = columnsOf.get(this.statement);
    if (!columns) {
      columns = this.statement.columns();
      columnsOf.set(this.statement, columns);
    }
    return columns;
  }

  run() {
    return this.statement.run(this.args);
  }

  all() {
    return this.statement.raw(this.rawRows).all(this.args);
  }

  get() {
    return this.statement.raw(this.rawRows).get(this.args);
  }
}

/**
 * Makes `database.prepare` reuse compiled statements (at most `capacity`, least recently used dropped first).
 * Statements are only ever used synchronously to completion by the adapter, so one compiled statement can serve
 * every call with the same text.
 */
export function reuseCompiledStatements(database: Database.Database, capacity = 500): void {
  const compile = database.prepare.bind(database) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = compile(sql);
      if (cache.size >= capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sql, statement);
    return new ReusedStatement(statement);
  };
  (database as unknown as { prepare: typeof prepare }).prepare = prepare;
}

import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { reuseCompiledStatements } from "./sqlite-statement-cache";

function database() {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  let compiled = 0;
  const original = db.prepare.bind(db);
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    compiled += 1;
    return original(sql);
  };
  reuseCompiledStatements(db, 2);
  // The adapter's calls: prepare(sql).bind(args), then .reader / .raw().all() or .run().
  const query = (sql: string, args: unknown[]) => {
    const statement = (db.prepare(sql) as unknown as { bind(a: unknown[]): { reader: boolean; raw(): { all(): unknown[] }; run(): { changes: number } } }).bind(args);
    return statement.reader ? statement.raw().all() : statement.run().changes;
  };
  return { query, compiled: () => compiled };
}

describe("reuseCompiledStatements", () => {
  test("the same text is compiled once and bound afresh on every call", () => {
    const { query, compiled } = database();
    expect(query("INSERT INTO t (id, name) VALUES (?, ?)", [1, "a"])).toBe(1);
    expect(query("INSERT INTO t (id, name) VALUES (?, ?)", [2, "b"])).toBe(1);
    expect(query("SELECT id, name FROM t WHERE id = ?", [2])).toEqual([[2n, "b"]]);
    expect(query("SELECT id, name FROM t WHERE id = ?", [1])).toEqual([[1n, "a"]]);
    expect(compiled()).toBe(2);
  });

  test("least recently used statements are dropped beyond the capacity, and compiled again when needed", () => {
    const { query, compiled } = database();
    query("SELECT 1", []);
    query("SELECT 2", []);
    query("SELECT 1", []); // refreshes SELECT 1
    query("SELECT 3", []); // drops SELECT 2
    expect(compiled()).toBe(3);
    query("SELECT 1", []);
    expect(compiled()).toBe(3);
    query("SELECT 2", []);
    expect(compiled()).toBe(4);
  });

  test("a statement without rows reports its changes; errors still surface", () => {
    const { query } = database();
    query("INSERT INTO t (id, name) VALUES (?, ?)", [1, "a"]);
    expect(query("UPDATE t SET name = ? WHERE id = ?", ["z", 1])).toBe(1);
    expect(() => query("INSERT INTO t (id, name) VALUES (?, ?)", [1, "dup"])).toThrow(/UNIQUE/);
    expect(query("SELECT name FROM t", [])).toEqual([["z"]]);
  });
});

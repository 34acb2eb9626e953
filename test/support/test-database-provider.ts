import fs from "node:fs";
import path from "node:path";
import { TEST_TMP } from "./paths";

/** TEST_DATABASE=postgresql runs the integration suite on PostgreSQL; SQLite otherwise. */
export function testDatabaseProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

/** The PostgreSQL server tests create their databases on (loopback; trust auth on this machine kind). */
export function postgresServerUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

// Read when called, not at import: the global setup imports this module before it names the run's scratch folder
// (CREATOR_ROI_TEST_TMP), and the test workers inherit the name from it.
const templateFile = () => path.join(process.env.CREATOR_ROI_TEST_TMP ?? TEST_TMP, "postgres-template.txt");

export function savePostgresTemplateName(name: string): void {
  fs.writeFileSync(templateFile(), name);
}

/** The migrated template database of this test run (written by the global setup). */
export function postgresTemplateName(): string {
  return fs.readFileSync(templateFile(), "utf8").trim();
}

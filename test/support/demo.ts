import crypto from "node:crypto";
import path from "node:path";
import { startDemo } from "../../scripts/demo";
import { TEST_TMP } from "./paths";

/** The demo as `npm run demo` starts it, on a free port and its own database, reusing the test run's build. */
export async function startTestDemo() {
  const databaseFile = path.join(TEST_TMP, `demo-${process.pid}-${crypto.randomBytes(3).toString("hex")}.db`);
  return startDemo({ port: 0, build: false, databaseFile, log: () => {} });
}

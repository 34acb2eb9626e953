import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** shared/ sits beside the repository, on developers' machines and in CI alike. */
export const SHARED = path.resolve(ROOT, "../shared");
export const TEST_TMP = path.join(ROOT, ".cache/test");
export const TEMPLATE_DB = path.join(TEST_TMP, "template.db");

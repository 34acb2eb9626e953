import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** shared/ sits beside the repository, on developers' machines and in CI alike. */
export const SHARED = path.resolve(ROOT, "../shared");
export const TEST_RUNS = path.join(ROOT, ".cache/test");
/** This run's scratch folder: the global setup names it, so concurrent runs never share databases. */
export const TEST_TMP = process.env.CREATOR_ROI_TEST_TMP ?? path.join(TEST_RUNS, "adhoc");
export const TEMPLATE_DB = path.join(TEST_TMP, "template.db");

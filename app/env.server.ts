import { parseEnv, type Env } from "./config/env-schema";

// Validated once, when the server module loads: a bad environment stops the app at boot with a
// message naming each variable, instead of failing on the first request that needs it.
export const env: Env = parseEnv(process.env);

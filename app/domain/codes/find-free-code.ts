import { codeCandidates } from "./code-candidates";
import { codeKey } from "./code-key";
import { NoFreeCodeError } from "./errors";
import { MAX_CODE_LENGTH } from "./normalize-code-text";

/**
 * The first candidate from `base` (see codeCandidates) that `isTaken` says is free, asking one at a time
 * in order; throws NoFreeCodeError after `maxTries` taken candidates so a bad base never loops forever.
 * The database unique key on the code stays the real guard against a race between two requests.
 */
export async function findFreeCode(
  base: string,
  isTaken: (code: string) => Promise<boolean>,
  maxTries = 50,
  maxLength: number = MAX_CODE_LENGTH,
): Promise<string> {
  if (!Number.isInteger(maxTries) || maxTries < 1) {
    throw new RangeError(`maxTries must be a whole number ≥ 1, got ${maxTries}.`);
  }
  const tried: string[] = [];
  const seen = new Set<string>();
  for (const candidate of codeCandidates(base, maxLength)) {
    if (tried.length >= maxTries) break;
    const key = codeKey(candidate);
    if (seen.has(key)) continue;
    seen.add(key);
    tried.push(candidate);
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new NoFreeCodeError(base, tried);
}

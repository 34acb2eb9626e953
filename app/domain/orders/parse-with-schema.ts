import type { z } from "zod";
import { ShopifyPayloadError } from "./errors";

/** Parses a payload with a zod schema, turning the first issue into a ShopifyPayloadError that names its path. */
export function parseWithSchema<Schema extends z.ZodType>(schema: Schema, payload: unknown, what: string): z.output<Schema> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const [first] = result.error.issues;
    const path = (first?.path ?? []).map((key) => (typeof key === "symbol" ? String(key) : key));
    throw new ShopifyPayloadError(`Invalid ${what}: ${first?.message ?? "unknown issue"}`, path);
  }
  return result.data;
}

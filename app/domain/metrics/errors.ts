/** Thrown when a metric receives input that breaks its contract (non-integer money, bad day string, negative count). */
export class MetricsInputError extends Error {
  override name = "MetricsInputError";
}

export interface BackfillProgressInput {
  /** pending | exporting | importing | completed | failed (stored status) */
  status: string;
  /** Objects (orders and line items) Shopify wrote to the export; 0 while unknown. */
  objectCount: number;
  /** Objects read back from the export so far. */
  objectsRead: number;
}

/**
 * The share of the import done, in whole percent (rounded down so that 100 means finished): objects read over
 * objects exported. Exporting shows 0; a completed run shows 100 even when the export was empty.
 */
export function backfillPercent(input: BackfillProgressInput): number {
  if (input.status === "completed") return 100;
  if (input.status !== "importing" || input.objectCount <= 0) return 0;
  const read = Math.min(Math.max(0, input.objectsRead), input.objectCount);
  const percent = Math.floor((read * 100) / input.objectCount);
  // Reading the last line is not the end: the last batch and the finish are still to be written.
  return Math.min(percent, 99);
}

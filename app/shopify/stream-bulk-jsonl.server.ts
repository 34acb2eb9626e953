// A bulk operation's result is a JSONL file that can run to gigabytes for an old shop: it is read as a stream, one
// line at a time, and never held whole in memory. Nested connections come out as separate lines whose `__parentId`
// names their parent; with groupObjects: true Shopify writes them right after that parent, which is what lets
// groupBulkJsonlRows attach children while keeping only one parent in memory.
import { isRecord } from "./graphql-shapes.server";
import { ShopifyBulkJsonlError } from "./shopify-errors.server";

/** One JSONL line: an object, with `__parentId` when it belongs to a nested connection of another line's object. */
export type BulkJsonlRow = Record<string, unknown> & { __parentId?: string };

/** A top-level object followed by its descendants (children, and grandchildren whose parent is one of them). */
export interface BulkJsonlGroup {
  node: BulkJsonlRow;
  children: BulkJsonlRow[];
}

export interface StreamBulkJsonlOptions {
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/** Split a byte stream into text lines; multi-byte characters cut across chunks are reassembled. */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  for await (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = buffer.indexOf("\n", start); newline !== -1; newline = buffer.indexOf("\n", start)) {
      yield stripCarriageReturn(buffer.slice(start, newline));
      start = newline + 1;
    }
    buffer = buffer.slice(start);
  }
  buffer += decoder.decode();
  if (buffer.length > 0) yield stripCarriageReturn(buffer);
}

function stripCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

async function* readChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // A consumer that stops early must not leave the download (and its socket) open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Download a bulk operation's JSONL and yield each line's object as soon as it arrives. */
export async function* streamBulkJsonl(
  url: string,
  options: StreamBulkJsonlOptions = {},
): AsyncGenerator<BulkJsonlRow, void, undefined> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw new ShopifyBulkJsonlError(`Could not download the bulk result: ${String(error)}`, { cause: error });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new ShopifyBulkJsonlError(`Downloading the bulk result answered HTTP ${response.status}`, {
      status: response.status,
    });
  }
  let lineNumber = 0;
  for await (const line of splitLines(readChunks(response.body))) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new ShopifyBulkJsonlError(`Bulk result line ${lineNumber} is not JSON`, { lineNumber, cause: error });
    }
    if (!isRecord(parsed)) throw new ShopifyBulkJsonlError(`Bulk result line ${lineNumber} is not an object`, { lineNumber });
    if (parsed.__parentId !== undefined && typeof parsed.__parentId !== "string") {
      throw new ShopifyBulkJsonlError(`Bulk result line ${lineNumber} has a non-string __parentId`, { lineNumber });
    }
    yield parsed as BulkJsonlRow;
  }
}

/**
 * Attach child lines to the top-level object they follow. A child whose parent is not the current group means the
 * file was written without groupObjects: true; that is an error, never a silent misattribution.
 */
export async function* groupBulkJsonlRows(
  rows: AsyncIterable<BulkJsonlRow>,
): AsyncGenerator<BulkJsonlGroup, void, undefined> {
  let current: BulkJsonlGroup | null = null;
  let idsInGroup = new Set<string>();
  for await (const row of rows) {
    const parentId = row.__parentId;
    if (parentId === undefined) {
      if (current) yield current;
      current = { node: row, children: [] };
      idsInGroup = new Set(typeof row.id === "string" ? [row.id] : []);
      continue;
    }
    if (!current || !idsInGroup.has(parentId)) {
      throw new ShopifyBulkJsonlError(
        `A child of ${parentId} is not next to its parent: the bulk export must run with groupObjects: true`,
      );
    }
    current.children.push(row);
    if (typeof row.id === "string") idsInGroup.add(row.id);
  }
  if (current) yield current;
}

/** A Shopify webhook payload that does not have the shape or the values ingestion relies on. */
export class ShopifyPayloadError extends Error {
  /** Where in the payload the problem is, e.g. ["line_items", 2, "price_set"]. */
  readonly path: readonly (string | number)[];

  constructor(message: string, path: readonly (string | number)[] = []) {
    super(path.length > 0 ? `${message} (at ${path.join(".")})` : message);
    this.name = new.target.name;
    this.path = path;
  }
}

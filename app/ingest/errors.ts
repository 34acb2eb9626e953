/** An order or refund that cannot be ingested as it stands (e.g. a currency other than the shop's). Retried, then parked. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

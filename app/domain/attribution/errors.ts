/** Inputs to attribution or rollups that break their contract (bad window, credits not summing to 1, …). */
export class AttributionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

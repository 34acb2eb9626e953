import { currencyExponent, InvalidAmountError, parseDecimalToMinor } from "~/domain/money";

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A unit cost as Shopify states it (InventoryItem.unitCost, the `cost` of inventory_items/update) in minor units.
 * Unlike a sale amount, a cost may carry more decimals than the currency ("0.125" USD for a sachet): it is rounded
 * half up to the minor unit, since costs are the merchant's estimate and cents are what the reports show.
 * A negative or malformed cost is refused.
 */
export function unitCostToMinor(amount: string, currency: string): number {
  const match = DECIMAL.exec(typeof amount === "string" ? amount.trim() : "");
  if (!match) throw new InvalidAmountError(`Malformed unit cost ${JSON.stringify(amount)}: expected a non-negative decimal`);
  const [, integerDigits = "", fractionDigits = ""] = match;
  const exponent = currencyExponent(currency);
  const kept = fractionDigits.slice(0, exponent);
  const roundUp = (fractionDigits[exponent] ?? "0") >= "5";
  const minor = parseDecimalToMinor(kept ? `${integerDigits}.${kept}` : integerDigits, currency);
  return roundUp ? minor + 1 : minor;
}

/** Unit costs by variant GID; a variant mapped to null has no cost entered in Shopify. */
export type UnitCostsByVariant = ReadonlyMap<string, number | null>;

/**
 * The order's lines with the unit cost of their variant filled in where the line does not state one itself and the
 * variant's cost is known, so that orderCogs can price them; lines without a variant or cost are left as they are.
 */
export function priceLineItems<T extends { variantId: string | null; unitCostMinor?: number | null }>(lines: readonly T[], costs: UnitCostsByVariant): T[] {
  return lines.map((line) => {
    if (line.unitCostMinor !== undefined && line.unitCostMinor !== null) return line;
    if (line.variantId === null) return line;
    const cost = costs.get(line.variantId);
    return cost === undefined || cost === null ? line : { ...line, unitCostMinor: cost };
  });
}

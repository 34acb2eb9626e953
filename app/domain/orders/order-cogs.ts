import { assertMinor } from "~/domain/money";
import type { NormalizedLineItem } from "./normalized-types";

/** An order's cost of goods where known, and the line sales (after discounts) those costs cover. */
export interface OrderCogs {
  cogsMinor: number;
  cogsCoveredMinor: number;
}

/**
 * Cost of goods of an order: unit cost × quantity over the lines whose unit cost Shopify knows, with the net line
 * sales (price × quantity − the line's discounts) of those same lines, so that gross profit can use real costs where
 * known and the shop's default margin for the rest. Lines without a cost add nothing to either.
 */
export function orderCogs(lineItems: readonly Pick<NormalizedLineItem, "quantity" | "priceMinor" | "discountMinor" | "unitCostMinor">[]): OrderCogs {
  let cogsMinor = 0;
  let cogsCoveredMinor = 0;
  for (const line of lineItems) {
    if (line.unitCostMinor === null || line.unitCostMinor === undefined) continue;
    assertMinor(line.unitCostMinor);
    cogsMinor += line.unitCostMinor * line.quantity;
    cogsCoveredMinor += line.priceMinor * line.quantity - (line.discountMinor ?? 0);
  }
  assertMinor(cogsMinor);
  assertMinor(cogsCoveredMinor);
  return { cogsMinor, cogsCoveredMinor };
}

import { assertInteger, assertNonNegativeInteger } from "./internal/integer-math";
import { minorRatioOf, type Ratio } from "./ratio";

/** AOV = net sales / orders, integer minor units rounded half to even; undefined ("no_orders") without orders. */
export function computeAov(input: { netMinor: number; orders: number }): Ratio {
  assertInteger("netMinor", input.netMinor);
  assertNonNegativeInteger("orders", input.orders);
  return minorRatioOf(input.netMinor, input.orders, "no_orders");
}

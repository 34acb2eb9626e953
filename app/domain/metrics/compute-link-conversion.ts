import { assertNonNegativeInteger } from "./internal/integer-math";
import { ratioOf, type Ratio } from "./ratio";

export type LinkConversion = {
  /** Link orders / clicks; may exceed 1 when UTM visits arrive without a logged click. */
  rate: Ratio;
  linkOrders: number;
  codeOrders: number;
  clicks: number;
};

/** Link conversion = orders credited through a UTM or click touch / clicks; code orders are reported beside it, not in it. */
export function computeLinkConversion(input: { linkOrders: number; codeOrders: number; clicks: number }): LinkConversion {
  assertNonNegativeInteger("linkOrders", input.linkOrders);
  assertNonNegativeInteger("codeOrders", input.codeOrders);
  assertNonNegativeInteger("clicks", input.clicks);
  // Not capped at 1: a creator's UTM link shared without our redirect produces orders with no click, and
  // hiding that would understate the link.
  return {
    rate: ratioOf(input.linkOrders, input.clicks, "no_clicks"),
    linkOrders: input.linkOrders,
    codeOrders: input.codeOrders,
    clicks: input.clicks,
  };
}

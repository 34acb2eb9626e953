import type { AdminApi } from "./admin-api.server";
import { readDiscountStatus, type DiscountStatus } from "./create-discount-code.server";
import { isRecord } from "./graphql-shapes.server";
import { requireObject, requireString, throwOnUserErrors } from "./read-payload.server";
import { assertShopifyGid } from "./shopify-gid.server";

export const ACTIVATE_DISCOUNT_CODE = `#graphql
  mutation ActivateDiscountCode($id: ID!) {
    discountCodeActivate(id: $id) {
      codeDiscountNode {
        id
        codeDiscount {
          ... on DiscountCodeBasic {
            status
          }
        }
      }
      userErrors {
        field
        message
        code
        extraInfo
      }
    }
  }
`;

// Deactivating ends the discount now: Shopify then reports it EXPIRED, and activating it again reopens it.
export const DEACTIVATE_DISCOUNT_CODE = `#graphql
  mutation DeactivateDiscountCode($id: ID!) {
    discountCodeDeactivate(id: $id) {
      codeDiscountNode {
        id
        codeDiscount {
          ... on DiscountCodeBasic {
            status
          }
        }
      }
      userErrors {
        field
        message
        code
        extraInfo
      }
    }
  }
`;

export interface DiscountActivity {
  discountId: string;
  status: DiscountStatus | null;
}

/** Pause (active=false) or resume (active=true) a creator's code in the shop without deleting it. */
export async function setDiscountActive(api: AdminApi, discountId: string, active: boolean): Promise<DiscountActivity> {
  assertShopifyGid(discountId, "DiscountCodeNode");
  const operation = active ? "ActivateDiscountCode" : "DeactivateDiscountCode";
  const field = active ? "discountCodeActivate" : "discountCodeDeactivate";
  const data = await api.request<unknown>(active ? ACTIVATE_DISCOUNT_CODE : DEACTIVATE_DISCOUNT_CODE, { id: discountId });
  const payload = requireObject(data, field, operation);
  throwOnUserErrors(payload, operation);
  const node = requireObject(payload, "codeDiscountNode", operation);
  const discount = isRecord(node.codeDiscount) ? node.codeDiscount : {};
  return { discountId: requireString(node, "id", operation), status: readDiscountStatus(discount.status) };
}

import type { AdminApi } from "./admin-api.server";
import { requireObject, requireString, throwOnUserErrors } from "./read-payload.server";
import { assertShopifyGid } from "./shopify-gid.server";

export const DELETE_DISCOUNT_CODE = `#graphql
  mutation DeleteDiscountCode($id: ID!) {
    discountCodeDelete(id: $id) {
      deletedCodeDiscountId
      userErrors {
        field
        message
        code
        extraInfo
      }
    }
  }
`;

/** Remove a code discount from the shop for good; orders that already used the code keep it in their history. */
export async function deleteDiscount(api: AdminApi, discountId: string): Promise<{ deletedDiscountId: string }> {
  assertShopifyGid(discountId, "DiscountCodeNode");
  const operation = "DeleteDiscountCode";
  const data = await api.request<unknown>(DELETE_DISCOUNT_CODE, { id: discountId });
  const payload = requireObject(data, "discountCodeDelete", operation);
  throwOnUserErrors(payload, operation);
  return { deletedDiscountId: requireString(payload, "deletedCodeDiscountId", operation) };
}

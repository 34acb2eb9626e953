import type { AdminApi } from "./admin-api.server";
import { readDiscountStatus, type DiscountStatus } from "./create-discount-code.server";
import { isRecord } from "./graphql-shapes.server";
import { optionalString, requireString } from "./read-payload.server";
import { ShopifyInputError } from "./shopify-errors.server";

export const FIND_DISCOUNT_BY_CODE = `#graphql
  query FindDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        __typename
        ... on DiscountCodeBasic {
          title
          status
        }
      }
    }
  }
`;

export interface FoundDiscount {
  /** gid://shopify/DiscountCodeNode/<n> */
  discountId: string;
  /** The discount's GraphQL type, e.g. "DiscountCodeBasic"; a code may belong to a discount this app did not create. */
  discountType: string | null;
  title: string | null;
  status: DiscountStatus | null;
}

/** Look a code up in the shop (Shopify matches codes case-insensitively); null when no discount uses it. */
export async function findDiscountByCode(api: AdminApi, code: string): Promise<FoundDiscount | null> {
  const operation = "FindDiscountByCode";
  const trimmed = code.trim();
  if (trimmed === "") throw new ShopifyInputError("Cannot look up an empty discount code");
  const data = await api.request<unknown>(FIND_DISCOUNT_BY_CODE, { code: trimmed });
  const node = isRecord(data) ? data.codeDiscountNodeByCode : undefined;
  if (node === null || node === undefined) return null;
  if (!isRecord(node)) return null;
  const discount = isRecord(node.codeDiscount) ? node.codeDiscount : {};
  return {
    discountId: requireString(node, "id", operation),
    discountType: optionalString(discount, "__typename"),
    title: optionalString(discount, "title"),
    status: readDiscountStatus(discount.status),
  };
}

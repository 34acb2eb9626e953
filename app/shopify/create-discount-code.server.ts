import type { AdminApi } from "./admin-api.server";
import { isRecord } from "./graphql-shapes.server";
import { optionalString, requireObject, requireString, throwOnUserErrors } from "./read-payload.server";
import { ShopifyInputError } from "./shopify-errors.server";

// Eligibility is set with `context` (DiscountContextInput, since 2025-10); `customerSelection` is deprecated.
export const CREATE_BASIC_DISCOUNT_CODE = `#graphql
  mutation CreateBasicDiscountCode($basicCodeDiscount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
      codeDiscountNode {
        id
        codeDiscount {
          ... on DiscountCodeBasic {
            title
            status
            codes(first: 1) {
              nodes {
                code
              }
            }
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

/** Shopify's DiscountStatus. */
export type DiscountStatus = "ACTIVE" | "EXPIRED" | "SCHEDULED";

/** The discount value: a fraction of the price (0.15 = 15 %) or a fixed decimal amount in the shop's currency. */
export type BasicDiscountValue =
  | { kind: "percentage"; percentage: number }
  | { kind: "fixed_amount"; amount: string; appliesOnEachItem?: boolean };

export interface BasicDiscountCodeInput {
  title: string;
  code: string;
  startsAt: Date;
  endsAt?: Date | null;
  value: BasicDiscountValue;
  /** Decimal string in the shop's currency ("50.00"); null or absent for no minimum. */
  minimumSubtotal?: string | null;
  appliesOncePerCustomer?: boolean;
  /** Total redemptions allowed; null or absent for unlimited. */
  usageLimit?: number | null;
  combinesWith?: { orderDiscounts?: boolean; productDiscounts?: boolean; shippingDiscounts?: boolean };
}

export interface CreatedDiscountCode {
  /** gid://shopify/DiscountCodeNode/<n> */
  discountId: string;
  code: string;
  status: DiscountStatus | null;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Build DiscountCodeBasicInput: all buyers, all items, one code; refuses values Shopify would reject or misread. */
export function buildBasicCodeDiscountInput(input: BasicDiscountCodeInput): Record<string, unknown> {
  const title = input.title.trim();
  const code = input.code.trim();
  if (title === "") throw new ShopifyInputError("A discount needs a title");
  if (code === "") throw new ShopifyInputError("A discount needs a code");
  if (code.length > 255) throw new ShopifyInputError(`Discount code is longer than 255 characters: "${code.slice(0, 20)}..."`);
  if (Number.isNaN(input.startsAt.getTime())) throw new ShopifyInputError("startsAt is not a valid date");
  if (input.endsAt && !(input.endsAt.getTime() > input.startsAt.getTime())) {
    throw new ShopifyInputError("endsAt must be after startsAt");
  }
  if (input.usageLimit != null && (!Number.isInteger(input.usageLimit) || input.usageLimit < 1)) {
    throw new ShopifyInputError(`usageLimit must be a positive integer or null, got ${input.usageLimit}`);
  }
  if (input.minimumSubtotal != null && !DECIMAL.test(input.minimumSubtotal)) {
    throw new ShopifyInputError(`minimumSubtotal must be a decimal string like "50.00", got "${input.minimumSubtotal}"`);
  }

  let value: Record<string, unknown>;
  if (input.value.kind === "percentage") {
    const { percentage } = input.value;
    // Shopify reads 0.15 as 15 %; a caller passing 15 would otherwise ask for 1500 %.
    if (!Number.isFinite(percentage) || percentage <= 0 || percentage > 1) {
      throw new ShopifyInputError(`percentage is a fraction in (0, 1], e.g. 0.15 for 15 %; got ${percentage}`);
    }
    value = { percentage };
  } else {
    if (!DECIMAL.test(input.value.amount) || /^0+(\.0+)?$/.test(input.value.amount)) {
      throw new ShopifyInputError(`amount must be a positive decimal string like "10.00", got "${input.value.amount}"`);
    }
    value = { discountAmount: { amount: input.value.amount, appliesOnEachItem: input.value.appliesOnEachItem ?? false } };
  }

  const basicCodeDiscount: Record<string, unknown> = {
    title,
    code,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt ? input.endsAt.toISOString() : null,
    context: { all: "ALL" },
    customerGets: { value, items: { all: true } },
    appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
    usageLimit: input.usageLimit ?? null,
    combinesWith: {
      orderDiscounts: input.combinesWith?.orderDiscounts ?? false,
      productDiscounts: input.combinesWith?.productDiscounts ?? false,
      shippingDiscounts: input.combinesWith?.shippingDiscounts ?? false,
    },
  };
  if (input.minimumSubtotal != null) {
    basicCodeDiscount.minimumRequirement = { subtotal: { greaterThanOrEqualToSubtotal: input.minimumSubtotal } };
  }
  return basicCodeDiscount;
}

/**
 * Create an amount-off code discount in the shop. A duplicate code (case-insensitive in Shopify) throws
 * ShopifyUserError with code "TAKEN"; a lost answer throws ShopifyNetworkError and is not retried, so the caller
 * should findDiscountByCode before trying again.
 */
export async function createBasicDiscountCode(api: AdminApi, input: BasicDiscountCodeInput): Promise<CreatedDiscountCode> {
  const operation = "CreateBasicDiscountCode";
  const data = await api.request<unknown>(CREATE_BASIC_DISCOUNT_CODE, {
    basicCodeDiscount: buildBasicCodeDiscountInput(input),
  });
  const payload = requireObject(data, "discountCodeBasicCreate", operation);
  throwOnUserErrors(payload, operation);
  const node = requireObject(payload, "codeDiscountNode", operation);
  const discountId = requireString(node, "id", operation);
  const discount = isRecord(node.codeDiscount) ? node.codeDiscount : {};
  const firstCode =
    isRecord(discount.codes) && Array.isArray(discount.codes.nodes) && isRecord(discount.codes.nodes[0])
      ? optionalString(discount.codes.nodes[0], "code")
      : null;
  return {
    discountId,
    code: firstCode ?? input.code.trim(),
    status: readDiscountStatus(discount.status),
  };
}

/** Shopify's DiscountStatus, or null for a value this app does not know. */
export function readDiscountStatus(value: unknown): DiscountStatus | null {
  return value === "ACTIVE" || value === "EXPIRED" || value === "SCHEDULED" ? value : null;
}

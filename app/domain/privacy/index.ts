export {
  CompliancePayloadError,
  parseCustomersDataRequest,
  parseCustomersRedact,
  parseShopRedact,
  type CustomersDataRequest,
  type CustomersRedactRequest,
  type ShopRedactRequest,
} from "./parse-compliance-payload";

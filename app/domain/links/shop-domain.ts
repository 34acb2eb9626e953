import { InvalidShopDomainError } from "./errors";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A shop's domain as a bare lower-case hostname: "emma.myshopify.com" or a custom domain like "shop.example.fr".
 * Refuses schemes, ports, userinfo, paths, trailing dots, IP addresses and single-label names.
 * Internationalised domains must be given in their ASCII (xn--) form.
 */
export function normalizeShopDomain(domain: string): string {
  const host = domain.toLowerCase();
  if (host.length === 0 || host.length > 253) throw new InvalidShopDomainError(`Invalid shop domain ${JSON.stringify(domain)}.`);
  const labels = host.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) {
    throw new InvalidShopDomainError(
      `Invalid shop domain ${JSON.stringify(domain)}: expected a hostname like "emma.myshopify.com", without scheme, port or path.`,
    );
  }
  return host;
}

/** True when the domain is acceptable to normalizeShopDomain. */
export function isValidShopDomain(domain: string): boolean {
  try {
    normalizeShopDomain(domain);
    return true;
  } catch (error) {
    if (error instanceof InvalidShopDomainError) return false;
    throw error;
  }
}

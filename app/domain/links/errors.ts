import type { UnsafePathReason } from "./safe-destination-path";

/** Base class of link errors, so callers can catch the family at once. */
export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A UTM value that is empty, too long, or carries control or invisible characters. */
export class InvalidUtmError extends LinkError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A shop domain that is not a bare public hostname (no scheme, port, userinfo, path or IP address). */
export class InvalidShopDomainError extends LinkError {}

/** A link destination that is not a safe same-shop path; `reason` says which rule it broke. */
export class UnsafeDestinationError extends LinkError {
  constructor(readonly reason: UnsafePathReason) {
    super(`Unsafe destination path (${reason}).`);
  }
}

/** A discount code that cannot be put in a shareable discount URL. */
export class InvalidLinkCodeError extends LinkError {}

/** The injected random source misbehaved (wrong type, or never produced usable bytes). */
export class RandomSourceError extends LinkError {}

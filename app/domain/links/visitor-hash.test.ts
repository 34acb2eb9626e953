import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { visitorHash } from "./visitor-hash";

const salt = "0123456789abcdef-secret";
const base = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 Safari", salt, day: "2024-03-01" };

describe("visitorHash", () => {
  test("is the HMAC-SHA256 of day, IP and user agent keyed by the salt", () => {
    const expected = createHmac("sha256", salt).update('["2024-03-01","203.0.113.7","Mozilla/5.0 Safari"]').digest("hex");
    expect(visitorHash(base)).toBe(expected);
    expect(visitorHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("never contains the raw IP", () => {
    expect(visitorHash(base)).not.toContain("203.0.113.7");
  });

  test.each([
    ["same visitor, same day, same hash", base, true],
    ["spaces around the IP do not make another visitor", { ...base, ip: " 203.0.113.7 " }, true],
    ["another day rotates the hash", { ...base, day: "2024-03-02" }, false],
    ["another IP", { ...base, ip: "203.0.113.8" }, false],
    ["another user agent", { ...base, userAgent: "Mozilla/5.0 Firefox" }, false],
    ["another salt", { ...base, salt: "another-secret-of-16" }, false],
    ["a missing user agent differs from a present one", { ...base, userAgent: null }, false],
    ["a missing IP differs from a present one", { ...base, ip: null }, false],
  ])("%s", (_label, input, same) => {
    expect(visitorHash(input) === visitorHash(base)).toBe(same);
  });

  test("IPv6 written in another case is the same visitor", () => {
    expect(visitorHash({ ...base, ip: "2001:DB8::1" })).toBe(visitorHash({ ...base, ip: "2001:db8::1" }));
  });

  test("fields cannot bleed into each other", () => {
    const a = visitorHash({ ...base, ip: "1.2.3.4", userAgent: '","x' });
    const b = visitorHash({ ...base, ip: '1.2.3.4","', userAgent: "x" });
    expect(a).not.toBe(b);
  });

  test.each([
    ["a short salt", { ...base, salt: "short" }],
    ["an empty salt", { ...base, salt: "" }],
    ["a day that is not YYYY-MM-DD", { ...base, day: "01/03/2024" }],
    ["an instant instead of a day", { ...base, day: "2024-03-01T00:00:00Z" }],
  ])("refuses %s", (_label, input) => {
    expect(() => visitorHash(input)).toThrow(RangeError);
  });
});

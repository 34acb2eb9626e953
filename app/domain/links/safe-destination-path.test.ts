import { describe, expect, test } from "vitest";
import { MAX_DESTINATION_LENGTH, safeDestinationPath, type UnsafePathReason } from "./safe-destination-path";

describe("safeDestinationPath refuses hostile destinations", () => {
  test.each<[string, string, UnsafePathReason]>([
    ["protocol-relative URL", "//evil.com", "protocol_relative"],
    ["protocol-relative with a path", "//evil.com/products", "protocol_relative"],
    ["three slashes", "///evil.com", "protocol_relative"],
    ["four slashes", "////evil.com", "protocol_relative"],
    ["slash backslash", "/\\evil.com", "backslash"],
    ["backslash backslash", "\\\\evil.com", "backslash"],
    ["backslash later in the path", "/products\\..\\..\\evil", "backslash"],
    ["https URL", "https://evil.com", "scheme"],
    ["https without slashes", "https:evil.com", "scheme"],
    ["http URL on the shop's own host is still not a path", "http://shop.example.com/", "scheme"],
    ["javascript URL", "javascript:alert(1)", "scheme"],
    ["mixed-case javascript", "JaVaScRiPt:alert(1)", "scheme"],
    ["javascript after spaces", "   javascript:alert(1)", "scheme"],
    ["javascript with a tab inside", "java\tscript:alert(1)", "control_character"],
    ["javascript with a newline inside", "java\nscript:alert(1)", "control_character"],
    ["data URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "scheme"],
    ["vbscript URL", "vbscript:msgbox(1)", "scheme"],
    ["percent-encoded javascript colon", "javascript%3Aalert(1)", "scheme"],
    ["leading tab before //", "\t//evil.com", "control_character"],
    ["leading newline before //", "\n//evil.com", "control_character"],
    ["header injection CRLF", "/\r\nLocation: https://evil.com", "control_character"],
    ["encoded header injection", "/%0d%0aLocation:%20https://evil.com", "control_character"],
    ["double-encoded CRLF", "/%250d%250aSet-Cookie:x=1", "control_character"],
    ["encoded tab", "/%09/evil.com", "control_character"],
    ["NUL byte", "/products\u0000.evil.com", "control_character"],
    ["encoded NUL", "/products%00", "control_character"],
    ["DEL character", "/products\u007f", "control_character"],
    ["encoded C1 control (NEL)", "/x%C2%85y", "control_character"],
    ["encoded //", "%2F%2Fevil.com", "not_relative"],
    ["slash then encoded //", "/%2F%2Fevil.com", "protocol_relative"],
    ["slash then encoded /", "/%2Fevil.com", "protocol_relative"],
    ["double-encoded //", "/%252F%252Fevil.com", "protocol_relative"],
    ["triple-encoded //", "/%25252F%25252Fevil.com", "protocol_relative"],
    ["encoded backslash", "/%5Cevil.com", "backslash"],
    ["double-encoded backslash", "/%255Cevil.com", "backslash"],
    ["too deeply encoded", "/%25252525252Fx", "too_deeply_encoded"],
    ["userinfo trick without slash", "user@evil.com", "not_relative"],
    ["shop@evil", "shop.example.com@evil.com", "not_relative"],
    ["at sign right after the slash", "/@evil.com", "at_sign"],
    ["encoded at sign", "/%40evil.com", "at_sign"],
    ["bare host", "evil.com", "not_relative"],
    ["bare query", "?redirect=//evil.com", "not_relative"],
    ["dot segment then //", "/.//evil.com", "dot_segment"],
    ["parent segment", "/../evil", "dot_segment"],
    ["parent segment deeper", "/products/../../admin", "dot_segment"],
    ["encoded parent segment", "/%2e%2e/admin", "dot_segment"],
    ["encoded slash and dots hidden behind an encoded ?", "/x%3F%2F%2E%2E", "dot_segment"],
    ["trailing dot segment", "/products/.", "dot_segment"],
    ["overlong UTF-8 slash", "/%C0%AF%C0%AFevil.com", "bad_encoding"],
    ["stray continuation byte", "/x%80", "bad_encoding"],
    ["lone surrogate", "/x\uD800", "bad_encoding"],
    ["full-width slashes", "/／evil.com", "lookalike_slash"],
    ["encoded full-width slash", "/%EF%BC%8Fevil.com", "lookalike_slash"],
    ["division slash", "/\u2215evil.com", "lookalike_slash"],
    ["zero-width space", "/\u200b/evil.com", "invisible_character"],
    ["bidi override", "/\u202emoc.live", "invisible_character"],
    ["line separator", "/x\u2028y", "invisible_character"],
    ["no-break space", "/\u00a0/evil.com", "invisible_character"],
    ["fragment", "/products/x#reviews", "fragment"],
    ["empty", "", "empty"],
    ["spaces only", "   ", "empty"],
    ["too long", `/${"a".repeat(MAX_DESTINATION_LENGTH)}`, "too_long"],
  ])("%s: %j → %s", (_label, input, reason) => {
    expect(safeDestinationPath(input)).toEqual({ ok: false, reason });
  });
});

describe("safeDestinationPath accepts same-shop paths and canonicalises them", () => {
  test.each([
    ["home", "/", "/"],
    ["a product", "/products/x", "/products/x"],
    ["a collection with a query", "/collections/summer?sort=price", "/collections/summer?sort=price"],
    ["spaces around a pasted path are forgiven", "  /products/x  ", "/products/x"],
    ["a trailing slash is kept", "/collections/", "/collections/"],
    ["several query parameters", "/search?q=red+shoes&page=2", "/search?q=red+shoes&page=2"],
    ["an encoded space stays encoded", "/search?q=red%20shoes", "/search?q=red%20shoes"],
    ["a raw space is encoded in the path", "/pages/about us", "/pages/about%20us"],
    ["non-ASCII path is percent-encoded", "/products/thé-vert", "/products/th%C3%A9-vert"],
    ["a redirect-looking value in the query is only a value", "/cart?return_to=%2Faccount", "/cart?return_to=%2Faccount"],
    ["an email in the query is fine", "/pages/contact?email=a@b.com", "/pages/contact?email=a@b.com"],
    ["a colon later in the path is a path", "/javascript:alert(1)", "/javascript:alert(1)"],
    ["dot-started names are not dot segments", "/.well-known/x", "/.well-known/x"],
    ["double dots inside a name", "/products/a..b", "/products/a..b"],
    ["a lone percent sign is kept", "/pages/50%-off", "/pages/50%-off"],
    ["an empty query mark is dropped", "/products/x?", "/products/x"],
    ["an inner double slash is a path", "/products//x", "/products//x"],
    ["exactly the length limit", `/${"a".repeat(MAX_DESTINATION_LENGTH - 1)}`, `/${"a".repeat(MAX_DESTINATION_LENGTH - 1)}`],
  ])("%s: %j → %j", (_label, input, path) => {
    expect(safeDestinationPath(input)).toEqual({ ok: true, path });
  });

  test.each([
    ["/"],
    ["/products/thé-vert"],
    ["/pages/about us?x=é"],
    ["/collections/summer?sort=price&utm_source=ig"],
  ])("the canonical form of %j is itself canonical", (input) => {
    const first = safeDestinationPath(input);
    expect(first.ok).toBe(true);
    if (first.ok) expect(safeDestinationPath(first.path)).toEqual(first);
  });
});

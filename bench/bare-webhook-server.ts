// The floor the ingestion benchmark compares with: a bare Node HTTP server that only reads the body, verifies the
// Shopify HMAC (base64 SHA-256 of the raw body, constant-time compare) and answers 200. Prints "listening <url>".
import crypto from "node:crypto";
import http from "node:http";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
if (!secret) throw new Error("SHOPIFY_API_SECRET is required");

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(request.headers["x-shopify-hmac-sha256"] ?? ""), "utf8");
    const expected = Buffer.from(crypto.createHmac("sha256", secret).update(body).digest("base64"), "utf8");
    const ok = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    response.writeHead(ok ? 200 : 401).end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address !== "string") console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));

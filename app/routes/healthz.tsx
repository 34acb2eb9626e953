import { pingDatabase } from "../models/database-health.server";

// GET /healthz, for load balancers and orchestrators: 200 when this instance can reach its database, 503 when it
// cannot (the instance itself reconnects when the database is back; see docs/deployment.md). No authentication and
// no shop data: the answer says only "ok" or "database unavailable".
export async function loader() {
  const ok = await pingDatabase();
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// Demo collaboration costs, so that the demo's ROAS, ROI and CAC mean something: each creator's terms follow their
// campaign's compensation type (gifted products and shipping, a fixed fee, a commission rate, or both). Staff type
// these on the creator's performance page; the seed posts the same form to the app.
import type { SeedContext } from "./seed-demo.ts";

const GIFTS = ["45.00", "38.50", "62.90", "29.00"];

/** Posts cost terms for every collaboration of the demo shop through the creator performance page's action. */
export async function seedAnalyticsCosts(ctx: SeedContext): Promise<void> {
  const { db } = await import("../../app/db.server.ts");
  const collaborations = await db.collaboration.findMany({
    where: { shop: ctx.shop },
    orderBy: { createdAt: "asc" },
    select: { id: true, creatorId: true, campaign: { select: { compensationType: true } } },
  });
  for (const [i, c] of collaborations.entries()) {
    const gift = GIFTS[i % GIFTS.length]!;
    const terms: Record<string, { fee: string; commission: string; gifted: string; shipping: string }> = {
      gifted: { fee: "0", commission: "0", gifted: gift, shipping: "6.90" },
      paid: { fee: ["150", "300", "600"][i % 3]!, commission: "0", gifted: "0", shipping: "0" },
      commission: { fee: "0", commission: ["10", "12.5", "15"][i % 3]!, gifted: "0", shipping: "0" },
      hybrid: { fee: "100", commission: "8", gifted: gift, shipping: "6.90" },
    };
    const form = new URLSearchParams({ intent: "costs", collaborationId: c.id, ...(terms[c.campaign.compensationType] ?? terms.gifted!) });
    const response = await fetch(new URL(`/app/creators/${c.creatorId}/performance`, ctx.appUrl), { method: "POST", body: form });
    if (!response.ok) throw new Error(`Demo costs for collaboration ${c.id}: HTTP ${response.status}`);
  }
  ctx.log(`Demo costs set on ${collaborations.length} collaborations.`);
}

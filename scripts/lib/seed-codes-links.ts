// Demo codes, links and clicks. Codes are created the way staff create them: through the app's own route
// (POST /app/campaigns/:id/creators, which provisions each code in the Shopify stand-in); clicks arrive the way
// shoppers make them: through the app proxy route, signed as Shopify signs a forwarded request. Deterministic
// (a fixed pseudo-random sequence), so every demo shows the same roster of codes and click counts.
import { appProxyUrl, fetchThroughProxy } from "../../test/support/app-proxy-request.ts";
import type { SeedContext } from "./seed-demo.ts";

// Which demo creators join which campaign (by campaign name; campaign slugs come from names).
const LINEUP: Record<string, string[]> = {
  "Spring Launch": ["emma.style", "lucas_runs", "chloe.cuisine", "hugo.tech", "lea_moreau", "manon.beauty", "jade.fit", "ines_travels"],
  "Always-on Sales": ["emma.style", "nathan.outdoors", "theo_games", "camille.home", "louisroux", "arthur.reads", "gab.cycling", "raph.coffee", "alice_kids", "noah_eats", "mila.francois", "tomblanc"],
  "New Customer Push": ["lina.faure", "paul_andre", "anna.guerin", "zoe.muller", "mael.surf"],
  "Winter Clearance": ["louise.lambert", "jules.vinyl", "rose.garden"],
};

// What shoppers open links with: in-app browsers of the platforms, desktop browsers, and the bots that preview links.
const VISITORS = [
  { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 352.0.0.31.100", referrer: "https://l.instagram.com/" },
  { userAgent: "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36 trill_370004 musical_ly", referrer: "https://www.tiktok.com/" },
  { userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", referrer: "https://www.youtube.com/" },
  { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", referrer: null },
  { userAgent: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", referrer: null },
  { userAgent: "Twitterbot/1.0", referrer: null },
] as const;

/** A small deterministic generator (LCG), so the demo's numbers are the same on every run. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Row = { creator: { handle: string }; link: { slug: string } | null; codes: Array<{ code: string }> };

/** Gives the demo creators their codes and links in the demo campaigns, then sends them clicks through the proxy. */
export async function seedCodesAndLinks(ctx: SeedContext): Promise<void> {
  // Imported here: the database seam reads DATABASE_URL when it loads, which the demo sets first.
  const { listCampaigns } = await import("../../app/models/campaign.server.ts");
  const { listCreators } = await import("../../app/models/creator.server.ts");

  const campaigns = (await listCampaigns(ctx.shop, { status: "all", sort: "name", direction: "asc", page: 1, pageSize: 100 })).items;
  const creators = (await listCreators(ctx.shop, { status: "all", sort: "name", direction: "asc", page: 1, pageSize: 100 })).items;
  const creatorIdByHandle = new Map(creators.map((creator) => [creator.handle, creator.id]));

  const random = sequence(20_260_601);
  let codes = 0;
  let clicks = 0;
  let visitor = 0;
  for (const [name, handles] of Object.entries(LINEUP)) {
    const campaign = campaigns.find((c) => c.name === name);
    if (!campaign) {
      ctx.log(`Demo: campaign ${name} not found, its codes are skipped.`);
      continue;
    }
    const creatorIds = handles.map((handle) => creatorIdByHandle.get(handle)).filter((id): id is string => id !== undefined);
    const routeUrl = new URL(`/app/campaigns/${campaign.id}/creators`, ctx.appUrl);
    const added = await fetch(routeUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ creatorIds, destinationPath: name === "New Customer Push" ? "/collections/bestsellers" : "/" }),
    });
    if (!added.ok) throw new Error(`Demo: adding creators to ${name} answered HTTP ${added.status}: ${await added.text()}`);
    const answer = (await added.json()) as { ok: boolean; result?: Array<{ ok: boolean; detail?: string }> };
    const failed = (answer.result ?? []).filter((r) => !r.ok);
    if (!answer.ok || failed.length > 0) throw new Error(`Demo: codes of ${name} failed: ${JSON.stringify(failed)}`);
    codes += answer.result?.length ?? 0;

    const listed = await fetch(routeUrl);
    const { rows } = (await listed.json()) as { rows: Row[] };
    for (const row of rows) {
      if (!row.link) continue;
      const count = 3 + Math.floor(random() * 18);
      for (let i = 0; i < count; i += 1) {
        const who = VISITORS[Math.floor(random() * VISITORS.length)]!;
        visitor += 1;
        const url = appProxyUrl(ctx.appUrl, row.link.slug, { shop: ctx.shop, secret: ctx.apiSecret });
        const response = await fetchThroughProxy(url, {
          ip: `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
          userAgent: who.userAgent,
          ...(who.referrer ? { referrer: who.referrer } : {}),
        });
        await response.arrayBuffer();
        if (response.status !== 302) throw new Error(`Demo: a click on ${row.link.slug} answered HTTP ${response.status}`);
        clicks += 1;
      }
    }
  }
  ctx.log(`Demo: ${codes} discount codes with tracked links, ${clicks} clicks through the app proxy.`);
}

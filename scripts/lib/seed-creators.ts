// Demo creators and campaigns, written through the app's own model functions (not Shopify data, so no
// webhook is involved). Deterministic: the same roster on every run, dates relative to the demo's day.
import type { SeedContext } from "./seed-demo.ts";

type Roster = { name: string; handle: string; email?: string; platforms: Array<[platform: string, followers: number]>; notes?: string; archived?: boolean };

// Every tier (nano < 10k ≤ micro < 100k ≤ mid < 500k ≤ macro < 1M ≤ mega) and every platform appears.
export const DEMO_CREATORS: Roster[] = [
  { name: "Emma Martin", handle: "emma.style", email: "emma@example.com", platforms: [["instagram", 48_200], ["tiktok", 12_900]], notes: "Spring lookbook in March." },
  { name: "Lucas Bernard", handle: "lucas_runs", email: "lucas@example.com", platforms: [["youtube", 182_000], ["instagram", 35_400]] },
  { name: "Chloé Dubois", handle: "chloe.cuisine", platforms: [["instagram", 8_450]] },
  { name: "Hugo Lefèvre", handle: "hugo.tech", email: "hugo@example.com", platforms: [["youtube", 640_000], ["twitter", 51_000]] },
  { name: "Léa Moreau", handle: "lea_moreau", platforms: [["tiktok", 1_350_000], ["instagram", 420_000]] },
  { name: "Nathan Laurent", handle: "nathan.outdoors", platforms: [["instagram", 22_300], ["blog", 4_100]] },
  { name: "Manon Simon", handle: "manon.beauty", email: "manon@example.com", platforms: [["tiktok", 96_700]] },
  { name: "Théo Michel", handle: "theo_games", platforms: [["twitch", 310_000], ["youtube", 88_000]] },
  { name: "Camille Garcia", handle: "camille.home", platforms: [["pinterest", 27_800], ["instagram", 9_900]] },
  { name: "Louis Roux", handle: "louisroux", platforms: [["instagram", 3_200]] },
  { name: "Jade Fournier", handle: "jade.fit", email: "jade@example.com", platforms: [["instagram", 155_000], ["tiktok", 204_000]] },
  { name: "Arthur Girard", handle: "arthur.reads", platforms: [["blog", 12_400], ["twitter", 6_800]] },
  { name: "Inès Bonnet", handle: "ines_travels", platforms: [["instagram", 730_000]] },
  { name: "Gabriel Dupont", handle: "gab.cycling", platforms: [["youtube", 41_000], ["facebook", 18_000]] },
  { name: "Louise Lambert", handle: "louise.lambert", platforms: [["tiktok", 2_480_000]] },
  { name: "Raphaël Fontaine", handle: "raph.coffee", email: "raph@example.com", platforms: [["instagram", 6_700], ["tiktok", 2_100]] },
  { name: "Alice Rousseau", handle: "alice_kids", platforms: [["facebook", 74_000], ["instagram", 31_000]] },
  { name: "Jules Vincent", handle: "jules.vinyl", platforms: [["youtube", 9_300]] },
  { name: "Zoé Muller", handle: "zoe.muller", platforms: [["snapchat", 118_000], ["tiktok", 66_000]] },
  { name: "Adam Lefebvre", handle: "adam.builds", platforms: [["linkedin", 24_500]] },
  { name: "Lina Faure", handle: "lina.faure", email: "lina@example.com", platforms: [["instagram", 512_000], ["youtube", 97_000]] },
  { name: "Paul André", handle: "paul_andre", platforms: [["twitter", 1_050_000]] },
  { name: "Rose Mercier", handle: "rose.garden", platforms: [["pinterest", 3_900], ["blog", 1_200]] },
  { name: "Tom Blanc", handle: "tomblanc", platforms: [["tiktok", 15_600]] },
  { name: "Anna Guérin", handle: "anna.guerin", platforms: [["instagram", 260_000]] },
  { name: "Maël Boyer", handle: "mael.surf", platforms: [["youtube", 1_900_000], ["instagram", 880_000]] },
  { name: "Eva Garnier", handle: "eva.garnier", platforms: [["other", 5_500]] },
  { name: "Noah Chevalier", handle: "noah_eats", email: "noah@example.com", platforms: [["tiktok", 342_000], ["instagram", 58_000]] },
  { name: "Mila François", handle: "mila.francois", platforms: [["instagram", 71_000]] },
  { name: "Sacha Legrand", handle: "sacha.legrand", platforms: [["twitch", 7_800]] },
  { name: "Ambre Gauthier", handle: "ambre.g", platforms: [] },
  { name: "Victor Perrin", handle: "victor.perrin", platforms: [["instagram", 19_000]], archived: true, notes: "Paused after the winter campaign." },
  { name: "Julia Robin", handle: "julia_robin", platforms: [["youtube", 560_000]], archived: true },
];

export type SeededCreators = { creatorIds: Record<string, string>; campaignIds: Record<string, string> };

/** Adds the demo roster and campaigns to the demo shop; returns their ids by handle and campaign slug. */
export async function seedCreators(ctx: SeedContext): Promise<SeededCreators> {
  // Imported here, not at the top: the database seam reads DATABASE_URL when it loads, which the demo sets first.
  const { createCreator, archiveCreator } = await import("../../app/models/creator.server.ts");
  const { createCampaign, getCampaignFormContext } = await import("../../app/models/campaign.server.ts");
  const { creatorInputSchema } = await import("../../app/domain/creators/index.ts");
  const { campaignInputSchema } = await import("../../app/domain/campaigns/index.ts");
  const { addDays, dayKey } = await import("../../app/domain/dates/index.ts");

  // One admin request makes the app record the shop's currency and time zone from (the stand-in of) Shopify.
  await fetch(new URL("/app", ctx.appUrl)).then((response) => response.arrayBuffer());

  const creatorIds: Record<string, string> = {};
  for (const entry of DEMO_CREATORS) {
    const input = creatorInputSchema.parse({
      name: entry.name,
      handle: entry.handle,
      email: entry.email,
      notes: entry.notes ?? "",
      platforms: entry.platforms.map(([platform, followers]) => ({ platform, followers, url: `https://example.com/${platform}/${entry.handle}` })),
    });
    const creator = await createCreator(ctx.shop, input);
    if (entry.archived) await archiveCreator(ctx.shop, creator.id);
    creatorIds[creator.handle] = creator.id;
  }

  const context = await getCampaignFormContext(ctx.shop);
  const today = dayKey(new Date(), context.timeZone);
  const campaigns = [
    { name: "Spring Launch", objective: "launch", status: "active", startsOn: addDays(today, -45), endsOn: addDays(today, 15), budget: "4000", discountType: "percentage", discountValue: "15", compensationType: "gifted", oncePerCustomer: "on", combinesWithShipping: "on", brief: "Show the product in use\nMention the code in the caption\nTag the shop" },
    { name: "Always-on Sales", objective: "sales", status: "active", startsOn: addDays(today, -120), endsOn: "", budget: "12500.50", discountType: "percentage", discountValue: "10", compensationType: "commission", combinesWithShipping: "on", brief: "Link in bio\nOne story per week" },
    { name: "New Customer Push", objective: "acquisition", status: "active", startsOn: addDays(today, -20), endsOn: addDays(today, 40), budget: "6000", discountType: "fixed_amount", discountValue: "10", minimumOrder: "40", usageLimit: "500", compensationType: "paid", oncePerCustomer: "on", brief: "Say it is for first orders" },
    { name: "Winter Clearance", objective: "clearance", status: "ended", startsOn: addDays(today, -200), endsOn: addDays(today, -170), budget: "2500", discountType: "percentage", discountValue: "30", compensationType: "hybrid", combinesWithProduct: "on", brief: "" },
  ];
  const campaignIds: Record<string, string> = {};
  for (const form of campaigns) {
    const campaign = await createCampaign(ctx.shop, campaignInputSchema(context).parse(form));
    campaignIds[campaign.slug] = campaign.id;
  }
  ctx.log(`Demo: ${DEMO_CREATORS.length} creators and ${campaigns.length} campaigns.`);
  return { creatorIds, campaignIds };
}

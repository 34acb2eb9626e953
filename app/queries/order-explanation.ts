// Reads the attribution explanation ingestion stores on each order (Order.attribution, the JSON of
// ~/domain/attribution's AttributionExplanation) into what the creator page shows. A stored value of another shape is
// reported as unreadable rather than guessed at.
import { z } from "zod";

const signal = z.object({
  kind: z.string(),
  creatorId: z.string(),
  campaignId: z.string().nullable().optional(),
  at: z.string(),
  evidence: z.string().nullable().optional(),
  status: z.string(),
  decisive: z.boolean().optional(),
});

const credit = z.object({
  creatorId: z.string(),
  campaignId: z.string().nullable().optional(),
  ppm: z.number(),
  role: z.string(),
  kind: z.string(),
});

const explanation = z.object({
  model: z.string(),
  windowDays: z.number(),
  winningRule: z.string(),
  signals: z.array(signal),
  credits: z.array(credit),
});

export type OrderExplanation = {
  model: string;
  windowDays: number;
  winningRule: string;
  signals: { kind: string; creatorId: string; at: string; evidence: string | null; status: string; decisive: boolean }[];
  credits: { creatorId: string; ppm: number; role: string; kind: string }[];
};

/** The explanation of an order, null when none was recorded, "unreadable" when the stored JSON has another shape. */
export function parseOrderExplanation(json: string | null): OrderExplanation | "unreadable" | null {
  if (json === null || json.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "unreadable";
  }
  const parsed = explanation.safeParse(value);
  if (!parsed.success) return "unreadable";
  const e = parsed.data;
  return {
    model: e.model,
    windowDays: e.windowDays,
    winningRule: e.winningRule,
    signals: e.signals.map((s) => ({
      kind: s.kind,
      creatorId: s.creatorId,
      at: s.at,
      evidence: s.evidence ?? null,
      status: s.status,
      decisive: s.decisive ?? false,
    })),
    credits: e.credits.map((c) => ({ creatorId: c.creatorId, ppm: c.ppm, role: c.role, kind: c.kind })),
  };
}

/** The share (parts per million) an explanation gives a creator; 0 for an assist or a creator it does not name. */
export function creditShareOf(explanation: OrderExplanation, creatorId: string): number {
  return explanation.credits.find((c) => c.creatorId === creatorId)?.ppm ?? 0;
}

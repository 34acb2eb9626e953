import { describe, expect, test } from "vitest";
import { creditOrder } from "~/domain/attribution";
import { creditShareOf, parseOrderExplanation } from "./order-explanation";

describe("parseOrderExplanation", () => {
  test("reads what the attribution domain explains: a code beats a UTM, the UTM's creator is an assist", () => {
    const { explanation } = creditOrder(
      [
        { creatorId: "ana", campaignId: "k", kind: "code", at: "2024-01-10T10:00:00Z", evidence: "ANA10" },
        { creatorId: "ben", campaignId: null, kind: "utm", at: "2024-01-10T10:00:00Z", evidence: "utm_content=ben" },
      ],
      "code_first_last_touch",
      "2024-01-10T10:00:00Z",
      30,
    );
    const parsed = parseOrderExplanation(JSON.stringify(explanation));
    expect(parsed).not.toBe("unreadable");
    if (parsed === null || parsed === "unreadable") throw new Error("expected an explanation");
    expect(parsed.winningRule).toBe("code");
    expect(parsed.signals.map((s) => [s.creatorId, s.kind, s.evidence, s.decisive]).sort()).toEqual([
      ["ana", "code", "ANA10", true],
      ["ben", "utm", "utm_content=ben", false],
    ]);
    expect(creditShareOf(parsed, "ana")).toBe(1_000_000);
    expect(creditShareOf(parsed, "ben")).toBe(0);
    expect(creditShareOf(parsed, "nobody")).toBe(0);
  });

  test.each([
    ["no explanation recorded", null, null],
    ["an empty string", "  ", null],
    ["not JSON", "{oops", "unreadable"],
    ["JSON of another shape", JSON.stringify({ rule: "code" }), "unreadable"],
  ])("%s", (_label, json, expected) => {
    expect(parseOrderExplanation(json)).toBe(expected);
  });
});

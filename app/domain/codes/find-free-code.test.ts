import { describe, expect, test } from "vitest";
import { NoFreeCodeError } from "./errors";
import { findFreeCode } from "./find-free-code";

function takenSet(...codes: string[]) {
  const asked: string[] = [];
  const taken = new Set(codes.map((code) => code.toUpperCase()));
  const isTaken = async (code: string) => {
    asked.push(code);
    return taken.has(code.toUpperCase());
  };
  return { asked, isTaken };
}

describe("findFreeCode", () => {
  test.each([
    ["the base when free", "EMMA15", [], "EMMA15", ["EMMA15"]],
    ["the next candidate when the base is taken", "EMMA15", ["EMMA15"], "EMMA15-2", ["EMMA15", "EMMA15-2"]],
    ["skips several taken candidates", "EMMA", ["EMMA", "EMMA2", "EMMA3"], "EMMA4", ["EMMA", "EMMA2", "EMMA3", "EMMA4"]],
    ["a gap further on does not matter: first free wins", "EMMA", ["EMMA", "EMMA3"], "EMMA2", ["EMMA", "EMMA2"]],
  ])("%s", async (_label, base, taken, expected, asked) => {
    const probe = takenSet(...taken);
    await expect(findFreeCode(base, probe.isTaken)).resolves.toBe(expected);
    expect(probe.asked).toEqual(asked);
  });

  test("throws a typed error after maxTries taken candidates, having asked exactly that many", async () => {
    const probe = takenSet(...Array.from({ length: 10 }, (_, i) => (i === 0 ? "EMMA" : `EMMA${i + 1}`)));
    const attempt = findFreeCode("EMMA", probe.isTaken, 5);
    await expect(attempt).rejects.toBeInstanceOf(NoFreeCodeError);
    await expect(attempt).rejects.toMatchObject({ base: "EMMA", tried: ["EMMA", "EMMA2", "EMMA3", "EMMA4", "EMMA5"] });
    expect(probe.asked).toHaveLength(5);
  });

  test("the default is 50 tries", async () => {
    let asked = 0;
    await expect(
      findFreeCode("EMMA", async () => {
        asked++;
        return true;
      }),
    ).rejects.toBeInstanceOf(NoFreeCodeError);
    expect(asked).toBe(50);
  });

  test("throws when the candidates run out before maxTries", async () => {
    const probe = takenSet("AB", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9");
    await expect(findFreeCode("AB", probe.isTaken, 50, 2)).rejects.toMatchObject({ tried: probe.asked });
    expect(probe.asked).toHaveLength(9);
  });

  test.each([[0], [-1], [1.5]])("refuses maxTries %s", async (maxTries) => {
    await expect(findFreeCode("EMMA", async () => false, maxTries)).rejects.toBeInstanceOf(RangeError);
  });

  test("an isTaken failure propagates, it is not read as 'free'", async () => {
    await expect(
      findFreeCode("EMMA", async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
  });
});

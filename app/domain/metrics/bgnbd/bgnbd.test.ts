import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { MetricsInputError } from "../errors";
import { bgnbdCustomerLogLikelihood, bgnbdLogLikelihood, type RfmSummary } from "./bgnbd-log-likelihood";
import { fitBgnbd } from "./fit-bgnbd";
import { bgnbdProbabilityAlive } from "./probability-alive";

function readCdnow(): RfmSummary[] {
  const text = readFileSync(new URL("./fixtures/cdnow-customers-summary.csv", import.meta.url), "utf8");
  const [header, ...lines] = text.trim().split(/\r?\n/);
  expect(header).toBe("ID,frequency,recency,T");
  return lines.map((line) => {
    const [, frequency, recency, T] = line.split(",").map(Number);
    return { frequency: frequency!, recency: recency!, T: T! };
  });
}

describe("BG/NBD likelihood, hand-computed", () => {
  test.each([
    // B(1,1)/B(1,1) · Γ(1)·1 / (Γ(1)·2) = 1/2
    ["no repeat, T = 1, all parameters 1", { r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 0, recency: 0, T: 1 }, Math.log(1 / 2)],
    // B(1,3)/B(1,2)/4² + B(2,2)/B(1,2)/2² = 1/24 + 1/12 = 1/8
    ["one repeat at t = 1 of T = 3", { r: 1, alpha: 1, a: 1, b: 2 }, { frequency: 1, recency: 1, T: 3 }, Math.log(1 / 8)],
  ])("%s", (_label, params, customer, expected) => {
    expect(bgnbdCustomerLogLikelihood(params, customer)).toBeCloseTo(expected, 12);
  });
});

describe("bgnbdProbabilityAlive", () => {
  test.each([
    ["a customer who never repeated is assumed alive", { frequency: 0, recency: 0, T: 3 }, 1],
    // odds of having dropped = a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) = ½ · 2² = 2
    ["one repeat, then silence for two periods", { frequency: 1, recency: 1, T: 3 }, 1 / 3],
    ["a purchase at the very end of observation", { frequency: 1, recency: 3, T: 3 }, 2 / 3],
  ])("%s", (_label, customer, expected) => {
    expect(bgnbdProbabilityAlive({ r: 1, alpha: 1, a: 1, b: 2 }, customer)).toBeCloseTo(expected, 12);
  });
});

describe("fitBgnbd on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const customers = readCdnow();

  test("the sample has 2,357 customers", () => {
    expect(customers).toHaveLength(2_357);
  });

  test("recovers the published r = 0.243, α = 4.414, a = 0.793, b = 2.426 within 2%, LL ≈ −9,582.4", () => {
    const fit = fitBgnbd(customers);
    expect(fit.converged).toBe(true);
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const key of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[key] / published[key] - 1), key).toBeLessThan(0.02);
    }
    expect(fit.logLikelihood).toBeCloseTo(-9_582.4, 0);
    expect(bgnbdLogLikelihood(fit.params, customers)).toBeCloseTo(fit.logLikelihood, 6);
    // The published point is not better than ours: we really found the maximum.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(published, customers) - 1e-6);
  });
});

describe("bad input", () => {
  test.each([
    ["no customers", []],
    ["a fractional frequency", [{ frequency: 1.5, recency: 1, T: 2 }]],
    ["recency beyond T", [{ frequency: 1, recency: 3, T: 2 }]],
    ["a repeat-less customer with a recency", [{ frequency: 0, recency: 1, T: 2 }]],
    ["a zero observation period", [{ frequency: 0, recency: 0, T: 0 }]],
  ])("fitBgnbd refuses %s", (_label, customers) => {
    expect(() => fitBgnbd(customers)).toThrow(MetricsInputError);
  });
});

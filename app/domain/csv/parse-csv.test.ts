import { describe, expect, test } from "vitest";
import { CsvSyntaxError, parseCsv } from "./parse-csv";

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe("parseCsv", () => {
  test.each([
    ["empty text has no records", "", []],
    ["a lone BOM has no records", "\uFEFF", []],
    ["one field", "a", [["a"]]],
    ["simple row", "a,b,c", [["a", "b", "c"]]],
    ["LF line ends", "a,b\nc,d", [["a", "b"], ["c", "d"]]],
    ["CRLF line ends", "a,b\r\nc,d", [["a", "b"], ["c", "d"]]],
    ["lone CR line ends (old Mac)", "a,b\rc,d", [["a", "b"], ["c", "d"]]],
    ["mixed line ends", "a\r\nb\nc\rd", [["a"], ["b"], ["c"], ["d"]]],
    ["a final line end adds no record", "a,b\r\n", [["a", "b"]]],
    ["a final LF adds no record", "a,b\n", [["a", "b"]]],
    ["BOM is dropped from the first header", "\uFEFFname,handle\n", [["name", "handle"]]],
    ["empty fields in the middle", "a,,c", [["a", "", "c"]]],
    ["empty last field", "a,b,", [["a", "b", ""]]],
    ["empty first field", ",b", [["", "b"]]],
    ["only commas", ",,", [["", "", ""]]],
    ["blank line in the middle is an empty record", "a\n\nb", [["a"], [""], ["b"]]],
    ["quoted field", '"a",b', [["a", "b"]]],
    ["quoted comma", '"a,b",c', [["a,b", "c"]]],
    ["escaped quote", '"say ""hi""",x', [['say "hi"', "x"]]],
    ["only an escaped quote", '""""', [['"']]],
    ["empty quoted field", '"",x', [["", "x"]]],
    ["quoted LF inside a field", '"line1\nline2",x', [["line1\nline2", "x"]]],
    ["quoted CRLF inside a field", '"line1\r\nline2",x', [["line1\r\nline2", "x"]]],
    ["quoted last field then CRLF", 'a,"b"\r\nc,d', [["a", "b"], ["c", "d"]]],
    ["quote inside an unquoted field is literal", 'a 5" screen,b', [['a 5" screen', "b"]]],
    ["spaces are kept", " a , b ", [[" a ", " b "]]],
    ["unicode", "Zoé,😀", [["Zoé", "😀"]]],
  ])("%s", (_label, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected);
  });

  test("records carry the line where they start, counting line breaks inside quotes", () => {
    const records = parseCsv('h1,h2\r\n"multi\nline\r\nvalue",x\n\nlast,row\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 5, 6]);
    expect(records[1]?.fields).toEqual(["multi\nline\r\nvalue", "x"]);
  });

  test.each([
    ["unterminated quote on the first line", '"abc', 1],
    ["unterminated quote on line 3", 'a\nb\n"never closed\nmore', 3],
    ["unterminated quote after a CRLF file", 'a,b\r\nc,"d\r\n', 2],
    ["text after a closing quote", '"abc"x,y', 1],
    ["text after a closing quote on line 2", 'a\n"b" c', 2],
    ["text after a multi-line quoted field is reported where it happens", 'a\n"b\nc"d', 3],
  ])("%s throws CsvSyntaxError with the line", (_label, text, line) => {
    let thrown: unknown;
    try {
      parseCsv(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    expect((thrown as CsvSyntaxError).line).toBe(line);
    expect((thrown as CsvSyntaxError).message).toMatch(new RegExp(`^Line ${line}: `));
  });

  test("a large file parses in linear time", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `"name ${i}","x""${i}",${i}`).join("\r\n");
    const started = performance.now();
    const records = parseCsv(rows);
    expect(records).toHaveLength(50_000);
    expect(records[49_999]?.fields).toEqual(["name 49999", 'x"49999', "49999"]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

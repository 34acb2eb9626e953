export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"),
// plus their full-width forms, which some East Asian spreadsheet locales also evaluate.
const FORMULA_TRIGGER = /^[ ]*[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One exported CSV cell: a text cell that a spreadsheet would run as a formula (starting with = + - @,
 * tab, CR, LF or NUL, possibly after spaces) gets a leading ' so it shows as text; cells with a comma,
 * quote or line break are quoted. Numbers are written as numbers, so -12.5 passed as a number stays -12.5.
 */
export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot export ${value} to CSV.`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Cannot export an invalid date to CSV.");
    return value.toISOString();
  }
  const text = FORMULA_TRIGGER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One exported CSV line (no line terminator): each value through toCsvCell, joined by commas. */
export function toCsvLine(values: ReadonlyArray<CsvValue>): string {
  return values.map(toCsvCell).join(",");
}

/** A whole CSV document: lines joined and ended by CRLF, as RFC 4180 and Excel expect. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => `${toCsvLine(row)}\r\n`).join("");
}

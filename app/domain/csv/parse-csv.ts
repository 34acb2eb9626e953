export interface CsvRecord {
  /** 1-based physical line where the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

/** A file that is not valid CSV; `line` is where the problem starts, for the staff-facing message. */
export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes with "" for a quote,
 * CRLF or LF line ends, an optional UTF-8 BOM and an optional final line end.
 * A quote inside an unquoted field is kept literally (spreadsheets write 5" screen that way);
 * text after a closing quote and an unterminated quote throw CsvSyntaxError with the line number.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  if (i >= length) return records;

  let fields: string[] = [];
  let recordLine = line;

  while (true) {
    // One field per iteration; i is at its first character.
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const openedOn = line;
      let start = i + 1;
      let parts = "";
      i = start;
      while (true) {
        const next = text.indexOf('"', i);
        if (next === -1) {
          throw new CsvSyntaxError(openedOn, "a quoted field is never closed (missing \").");
        }
        line += countLineBreaks(text, i, next);
        if (text.charCodeAt(next + 1) === QUOTE) {
          parts += text.slice(start, next + 1);
          i = next + 2;
          start = i;
          continue;
        }
        parts += text.slice(start, next);
        i = next + 1;
        break;
      }
      value = parts;
      const after = text.charCodeAt(i);
      if (i < length && after !== COMMA && after !== CR && after !== LF) {
        throw new CsvSyntaxError(line, "unexpected text after a closing quote.");
      }
    } else {
      let end = i;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === COMMA || code === CR || code === LF) break;
        end++;
      }
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);

    if (i >= length) {
      records.push({ line: recordLine, fields });
      return records;
    }
    const code = text.charCodeAt(i);
    if (code === COMMA) {
      i++;
      continue;
    }
    // Line end: CRLF, LF, or a lone CR (old Mac exports).
    i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    records.push({ line: recordLine, fields });
    if (i >= length) return records;
    fields = [];
    recordLine = line;
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}

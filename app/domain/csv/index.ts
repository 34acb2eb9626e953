export { parseCsv, CsvSyntaxError, type CsvRecord } from "./parse-csv";
export {
  parseCreatorCsv,
  MAX_CREATOR_CSV_ROWS,
  type CreatorCsvResult,
  type CreatorCsvRow,
  type CreatorCsvError,
  type CreatorCsvFileError,
} from "./parse-creator-csv";
export { toCsvCell, toCsvLine, toCsv, type CsvValue } from "./to-csv-cell";

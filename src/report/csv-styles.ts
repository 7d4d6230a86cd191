// The CSV styles menerva writes (csv-text.ts); light, so the CLI can offer
// them without loading the CSV writer.
export type CsvStyle = "plain" | "excel-be";
export const CSV_STYLES: readonly CsvStyle[] = ["plain", "excel-be"];

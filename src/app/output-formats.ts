// The output files a close (or a report) can write; light, so the CLI can
// declare its options without loading the renderers.
export type OutputFormat = "json" | "csv" | "xlsx";
export const ALL_FORMATS: readonly OutputFormat[] = ["json", "csv", "xlsx"];

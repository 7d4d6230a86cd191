// The --csv-style option shared by the commands that write CSV files.
import { Option } from "commander";
import { CSV_STYLES } from "../../report/csv-text.js";

export const csvStyleOption = (): Option =>
  new Option("--csv-style <style>", "CSV files: plain (`,` and decimal point, for machines) or excel-be (`;`, decimal comma and a BOM, for Excel with Belgian settings)")
    .choices([...CSV_STYLES])
    .default("plain");

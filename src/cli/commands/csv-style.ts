// The --csv-style option shared by the commands that write CSV files.
import { Option } from "commander";
import type { Lang } from "../../i18n/lang.js";
import { CSV_STYLES } from "../../report/csv-styles.js";
import { helpWords } from "../help.js";

export const csvStyleOption = (lang: Lang = "en"): Option =>
  new Option(`--csv-style <${helpWords(lang)("help.ph.style")}>`, helpWords(lang)("help.csv-style")).choices([...CSV_STYLES]).default("plain");

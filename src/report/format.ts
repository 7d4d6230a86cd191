// Text forms of exact numbers for CSV and JSON (never locale-dependent).
import { fmtDecimal, fmtMoney, type Dec } from "../domain/money.js";

/** Money: two decimals ("1234.50"). */
export const money = (x: Dec): string => fmtMoney(x);
/** Hours and other quantities: exact, no trailing zeros ("1234.5"). */
export const qty = (x: Dec): string => fmtDecimal(x);
/** Rates and shares: exact, at least two decimals ("2.50", "0.70", "3.125"). */
export const rate = (x: Dec): string => x.toFixed(Math.max(2, x.decimalPlaces()));

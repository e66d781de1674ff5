// OWASP CSV injection: spreadsheet apps evaluate a cell that starts with one of these.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Prefixes `'` to a cell a spreadsheet would run as a formula. Cells already made of quotes
 * followed by a trigger (`'=x`) get one more quote too, so that restoreNeutralisedCell can undo
 * this exactly for every string.
 */
export function neutraliseCsvFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseCsvFormula, so a corrected error CSV re-imports with the original values. */
export function restoreNeutralisedCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

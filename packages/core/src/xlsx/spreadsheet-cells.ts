/**
 * How a spreadsheet cell becomes CSV text in an import, the same in the widget's workbook
 * reader and in the API's: dates as the date field expects them (`YYYY-MM-DD`, with ` HH:MM`
 * when the cell has a time), numbers as written (15 significant digits, as the spreadsheet
 * shows them), and zero-padded number formats (`00000`, postcodes) with their leading zeros.
 */

/** Excel's built-in number formats that show a date or a time (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format shows its number as a date or time. */
export function isSpreadsheetDateFormat(id: number, code?: string): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (!code) return false;
  // Quoted text, escaped characters, colours and locales ([Red], [$-409]) are not date parts.
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare ?? '') && !/^general$/i.test((bare ?? '').trim());
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM` when the moment has a time of day (read in UTC). */
export function spreadsheetDateText(date: Date): string {
  // Stored as fractions of a day: round away float noise before reading the parts.
  const moment = new Date(Math.round(date.getTime() / 1000) * 1000);
  if (Number.isNaN(moment.getTime())) return '';
  const day = `${pad(moment.getUTCFullYear(), 4)}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`;
  const hours = moment.getUTCHours();
  const minutes = moment.getUTCMinutes();
  return hours === 0 && minutes === 0 ? day : `${day} ${pad(hours)}:${pad(minutes)}`;
}

const DAY_MS = 86_400_000;

/**
 * A date serial as a Date: days since 1899-12-30 (the 1900 system, whose phantom 29 February
 * 1900 only shifts serials before March 1900), or since 1904-01-01.
 */
export function spreadsheetSerialDate(serial: number, date1904 = false): Date {
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + days * DAY_MS);
}

/** A number cell as text: a zero-padded format keeps its width, else as the sheet shows it. */
export function spreadsheetNumberText(value: number, formatCode?: string): string {
  const text = String(Number(value.toPrecision(15)));
  if (formatCode && /^0+$/.test(formatCode) && Number.isInteger(value) && value >= 0) {
    return text.padStart(formatCode.length, '0');
  }
  return text;
}

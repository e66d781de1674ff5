import {
  isSpreadsheetDateFormat,
  spreadsheetDateText,
  spreadsheetNumberText,
  spreadsheetSerialDate,
} from './spreadsheet-cells.js';

describe('spreadsheet cells as import text', () => {
  it('recognises date formats, built in or written, and not number or text formats', () => {
    expect(isSpreadsheetDateFormat(14)).toBe(true);
    expect(isSpreadsheetDateFormat(164, 'dd/mm/yyyy')).toBe(true);
    expect(isSpreadsheetDateFormat(165, '[$-407]d. mmmm yyyy;@')).toBe(true);
    expect(isSpreadsheetDateFormat(49, '@')).toBe(false);
    expect(isSpreadsheetDateFormat(166, '#,##0.00 "days"')).toBe(false);
    expect(isSpreadsheetDateFormat(167, '[Red]0.00')).toBe(false);
    expect(isSpreadsheetDateFormat(0, 'General')).toBe(false);
  });

  it('writes dates as the date field expects, with a time only when there is one', () => {
    expect(spreadsheetDateText(spreadsheetSerialDate(45292))).toBe('2024-01-01');
    expect(spreadsheetDateText(spreadsheetSerialDate(45292.5))).toBe('2024-01-01 12:00');
    expect(spreadsheetDateText(spreadsheetSerialDate(45292.99999999))).toBe('2024-01-02');
    expect(spreadsheetDateText(spreadsheetSerialDate(1, true))).toBe('1904-01-02');
    expect(spreadsheetDateText(spreadsheetSerialDate(1))).toBe('1900-01-01');
  });

  it('keeps zero-padded numbers and drops float noise', () => {
    expect(spreadsheetNumberText(123, '00000')).toBe('00123');
    expect(spreadsheetNumberText(0.1 + 0.2)).toBe('0.3');
    expect(spreadsheetNumberText(4915112345678)).toBe('4915112345678');
  });
});

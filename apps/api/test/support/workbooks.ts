import { crc32 } from 'node:zlib';
import type { LeadFormSchema } from '@leadbridge/core';
import ExcelJS from 'exceljs';
import { IMPORT_FORM } from './imports';

/** IMPORT_FORM plus a date and a text column that holds numbers with leading zeros. */
export const WORKBOOK_FORM: LeadFormSchema = {
  fields: [
    ...IMPORT_FORM.fields,
    { key: 'startDate', label: 'Start date', type: 'date', required: false, order: 20 },
    { key: 'customerNo', label: 'Customer number', type: 'text', required: false, order: 21 },
  ],
};

export const WORKBOOK_HEADER = [
  'First name',
  'Last name',
  'Email',
  'Company',
  'Budget',
  'Start date',
  'Customer number',
];

/** Writes a workbook the way a spreadsheet program saves it (shared strings, styles, cached formula results). */
export async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The workbook most tests read: a hidden "Archive" sheet first, then "Leads" (dates, a formula,
 * a merged cell, text-formatted customer numbers with leading zeros, empty rows) and "Other".
 */
export function leadsWorkbook(emails: {
  ada: string;
  grace: string;
  alan: string;
  other: string;
}): Promise<Buffer> {
  return workbookBuffer((workbook) => {
    const archive = workbook.addWorksheet('Archive', { state: 'hidden' });
    archive.addRow(WORKBOOK_HEADER);
    archive.addRow(['Old', 'Row', 'old@example.com', 'Old Co', 1, null, null]);

    const leads = workbook.addWorksheet('Leads');
    leads.addRow(WORKBOOK_HEADER);
    leads.getColumn(7).numFmt = '@';
    leads.addRow([
      'Ada',
      'Lovelace',
      emails.ada,
      'Analytical Engines',
      { formula: '1000+200', result: 1200 },
      new Date(Date.UTC(2025, 2, 14)),
      '00123',
    ]);
    leads.addRow(['Grace', 'Hopper', emails.grace, 'Navy', 2500, null, '0042']);
    // Merged with the cell below it: the value belongs to the top-left cell only.
    leads.mergeCells('D3:D4');
    // Row 4 holds only the merged cell's lower half, so it reads as empty.
    leads.getRow(5).values = [
      'Alan',
      'Turing',
      emails.alan,
      null,
      900,
      new Date(Date.UTC(2024, 11, 31)),
      null,
    ];
    leads.getCell('F2').numFmt = 'dd.mm.yyyy';
    leads.getCell('F5').numFmt = 'd mmmm yyyy';
    // Rows 6 and 7 are not in the file; row 8 has a problem (no budget) and a postcode format.
    leads.getRow(8).values = ['No', 'Budget', 'nobudget@example.com', 'X', null, null, 77];
    leads.getCell('G8').numFmt = '00000';

    const other = workbook.addWorksheet('Other');
    other.addRow(WORKBOOK_HEADER);
    other.addRow(['Otto', 'Other', emails.other, 'Elsewhere', 10, null, null]);
  });
}

/** A zip archive (stored, not compressed) of the given files, for "a zip that is no workbook". */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

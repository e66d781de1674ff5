import { type Inflate, sheetCsv, WorkbookFormatError, WorkbookReader } from './workbook-reader.js';

/** A zip of stored (uncompressed) ASCII entries; the reader checks no CRC. */
function storedZip(files: Record<string, string>): Uint8Array {
  const bytes: number[] = [];
  const directory: number[] = [];
  const u16 = (target: number[], value: number) => target.push(value & 0xff, (value >> 8) & 0xff);
  const u32 = (target: number[], value: number) => {
    u16(target, value & 0xffff);
    u16(target, value >>> 16);
  };
  const ascii = (target: number[], text: string) => {
    for (const char of text) target.push(char.charCodeAt(0));
  };
  for (const [name, text] of Object.entries(files)) {
    const offset = bytes.length;
    u32(bytes, 0x04034b50);
    for (const value of [20, 0, 0, 0, 0]) u16(bytes, value);
    u32(bytes, 0);
    u32(bytes, text.length);
    u32(bytes, text.length);
    u16(bytes, name.length);
    u16(bytes, 0);
    ascii(bytes, name);
    ascii(bytes, text);
    u32(directory, 0x02014b50);
    for (const value of [20, 20, 0, 0, 0, 0]) u16(directory, value);
    u32(directory, 0);
    u32(directory, text.length);
    u32(directory, text.length);
    for (const value of [name.length, 0, 0, 0, 0]) u16(directory, value);
    u32(directory, 0);
    u32(directory, offset);
    ascii(directory, name);
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  for (const value of [0, 0, Object.keys(files).length, Object.keys(files).length]) u16(end, value);
  u32(end, directory.length);
  u32(end, bytes.length);
  u16(end, 0);
  return Uint8Array.from([...bytes, ...directory, ...end]);
}

const inflate: Inflate = async function* (compressed) {
  const chunks = compressed instanceof Uint8Array ? [compressed] : compressed;
  for await (const chunk of chunks) yield String.fromCharCode(...chunk);
};

function open(files: Record<string, string>): Promise<WorkbookReader> {
  const zip = storedZip(files);
  return WorkbookReader.open(
    async (offset, length) => zip.subarray(offset, offset + length),
    zip.length,
    inflate,
  );
}

const RELS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as other programs write it: prefixed tags, inline strings, a 1904 calendar. */
const WORKBOOK = {
  '[Content_Types].xml': '<Types/>',
  'xl/workbook.xml': `<x:workbook xmlns:x="main" xmlns:r="rel"><x:workbookPr date1904="1"/><x:sheets>
    <x:sheet name="Hidden" sheetId="1" state="hidden" r:id="rId1"/>
    <x:sheet name="Leads &amp; more" sheetId="2" r:id="rId2"/>
    <x:sheet name="Chart" sheetId="3" r:id="rId4"/></x:sheets></x:workbook>`,
  'xl/_rels/workbook.xml.rels': `<Relationships>
    <Relationship Id="rId1" Type="${RELS_TYPE}/worksheet" Target="worksheets/sheet1.xml"/>
    <Relationship Id="rId2" Type="${RELS_TYPE}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
    <Relationship Id="rId3" Type="${RELS_TYPE}/sharedStrings" Target="sharedStrings.xml"/>
    <Relationship Id="rId4" Type="${RELS_TYPE}/chartsheet" Target="chartsheets/sheet1.xml"/>
    <Relationship Id="rId5" Type="${RELS_TYPE}/styles" Target="styles.xml"/></Relationships>`,
  'xl/sharedStrings.xml': `<sst><si><t>Email</t></si><si><r><t>Ri</t></r><r><t>ch</t></r><rPh><t>ruby</t></rPh></si></sst>`,
  'xl/styles.xml': `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
    <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
  'xl/worksheets/sheet1.xml':
    '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>secret</t></is></c></row></sheetData></worksheet>',
  'xl/worksheets/sheet2.xml': `<worksheet><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Note</t></is></c><c r="C1" t="inlineStr"><is><t>When</t></is></c><c r="D1" t="inlineStr"><is><t>Ok</t></is></c></row>
    <row r="3"><c r="A3" t="str"><f>LOWER("A@X.IO")</f><v>a@x.io</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"><v>0</v></c><c r="D3" t="b"><v>1</v></c><c r="F3"/></row>
    <row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="C4" s="1"/></row>
    </sheetData><mergeCells><mergeCell ref="B3:B4"/></mergeCells></worksheet>`,
  'xl/chartsheets/sheet1.xml': '<chartsheet/>',
};

describe('the workbook reader', () => {
  it('lists worksheets in the workbook order with their visibility, chart sheets left out', async () => {
    const workbook = await open(WORKBOOK);
    expect(workbook.sheets.map(({ name, hidden }) => ({ name, hidden }))).toEqual([
      { name: 'Hidden', hidden: true },
      { name: 'Leads & more', hidden: false },
    ]);
    expect(workbook.visibleSheets.map((sheet) => sheet.name)).toEqual(['Leads & more']);
  });

  it('reads a sheet as CSV at its row numbers: cached results, rich text, 1904 dates, booleans', async () => {
    const workbook = await open(WORKBOOK);
    const sheet = workbook.visibleSheets[0];
    if (!sheet) throw new Error('no sheet');
    let csv = '';
    for await (const chunk of sheetCsv(workbook, sheet)) csv += chunk;
    expect(csv).toBe('Email,Note,When,Ok\r\n\r\na@x.io,Rich,1904-01-01,TRUE\r\n#N/A,,,\r\n');
  });

  it('refuses a zip that is no workbook, and bytes that are no zip', async () => {
    await expect(open({ 'readme.txt': 'hello' })).rejects.toThrow(WorkbookFormatError);
    await expect(WorkbookReader.open(async () => new Uint8Array(10), 10, inflate)).rejects.toThrow(
      'it is not a complete zip archive',
    );
  });
});

import fc from 'fast-check';
import { csvRows, parseCsv } from '../../test/csv-helpers.js';
import { escapeCsvCell, writeCsv, writeCsvRow } from './csv-writer.js';

describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['\ufeffbom', '"\ufeffbom"'],
    ['in ner', 'in ner'],
    ["it's", "it's"],
    ['=1+2', '=1+2'],
  ])('writes %j as %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and empties', () => {
    expect(escapeCsvCell(12.5)).toBe('12.5');
    expect(escapeCsvCell(-3, { neutraliseFormulas: true })).toBe('-3');
    expect(escapeCsvCell(true)).toBe('true');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1 555', "'+1 555"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['a=b', 'a=b'],
    [' =x', '" =x"'],
    ['=a,b', `"'=a,b"`],
  ])('neutralises %j as %j', (value, expected) => {
    expect(escapeCsvCell(value, { neutraliseFormulas: true })).toBe(expected);
  });
});

describe('writeCsvRow / writeCsv', () => {
  it('joins with commas and ends with CRLF', () => {
    expect(writeCsvRow(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    expect(
      writeCsv([
        ['h1', 'h2'],
        ['1', '2'],
      ]),
    ).toBe('h1,h2\r\n1,2\r\n');
  });

  it('writes a lone empty cell as "" so the record is not a blank line', () => {
    expect(writeCsvRow([''])).toBe('""\r\n');
    expect(writeCsvRow([null])).toBe('""\r\n');
    expect(writeCsvRow(['', ''])).toBe(',\r\n');
  });

  it('round-trips any strings through papaparse', () => {
    fc.assert(
      fc.property(csvRows, (rows) => {
        expect(parseCsv(writeCsv(rows))).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips awkward hand-picked rows', () => {
    const rows = [
      ['\ufeffid', ' spaced ', 'quote"inside', 'multi\r\nline', ''],
      ['', '', '', '', ''],
      [''],
      ['=cmd', 'ünïcödé', '😀,😀', '"', '\n'],
    ];
    expect(parseCsv(writeCsv(rows))).toEqual(rows);
  });
});

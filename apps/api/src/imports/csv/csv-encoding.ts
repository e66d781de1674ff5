/**
 * Which text encoding an uploaded "CSV" is in, from its first bytes — or that it is no text at
 * all. Spreadsheet apps save CSV as UTF-8 (with or without BOM), as UTF-16 ("Unicode text") or,
 * on Windows, in the legacy ANSI code page (Windows-1252); all of those import correctly.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type EncodingSniff = { ok: true; encoding: CsvEncoding } | { ok: false; reason: string };

/** How many leading bytes the sniffer wants to see (less only when the file is shorter). */
export const SNIFF_BYTES = 8192;

function looksLikeUtf16(head: Buffer, zeroAt: 0 | 1): boolean {
  let zeros = 0;
  let others = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i + zeroAt] === 0) zeros++;
    if (head[i + 1 - zeroAt] === 0) others++;
  }
  const pairs = Math.floor(head.length / 2);
  return pairs >= 2 && zeros / pairs > 0.3 && others / pairs < 0.05;
}

function isTextControl(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return; ^Z ends some DOS-era files.
  return (byte >= 9 && byte <= 13) || byte === 26;
}

export function sniffCsvEncoding(head: Buffer, complete: boolean): EncodingSniff {
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be' };
  if (looksLikeUtf16(head, 1)) return { ok: true, encoding: 'utf-16le' };
  if (looksLikeUtf16(head, 0)) return { ok: true, encoding: 'utf-16be' };
  for (const byte of head) {
    if (byte === 0) return { ok: false, reason: 'it contains NUL bytes' };
    if (byte < 32 && !isTextControl(byte)) {
      return { ok: false, reason: `it contains the control character 0x${byte.toString(16)}` };
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return { ok: true, encoding: 'utf-8' };
  } catch {
    return { ok: true, encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder treats the two alike).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_RANGE = /[\u0080-\u009f]/g;

export interface TextChunkDecoder {
  decode(chunk: Buffer): string;
  end(): string;
}

/** Streaming decoder; a leading BOM is dropped and invalid sequences become U+FFFD. */
export function createCsvDecoder(encoding: CsvEncoding): TextChunkDecoder {
  if (encoding === 'windows-1252') {
    return {
      decode: (chunk) =>
        chunk
          .toString('latin1')
          .replace(C1_RANGE, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char),
      end: () => '',
    };
  }
  const decoder = new TextDecoder(encoding);
  return {
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

import {
  type CsvEncoding,
  createCsvDecoder,
  SNIFF_BYTES,
  sniffCsvEncoding,
  type TextChunkDecoder,
} from './csv-encoding';

/** The bytes are not a text file (an image, a spreadsheet workbook, a zip…). */
export class NotCsvError extends Error {}

/**
 * Bytes in, text out: holds back the first few kilobytes until it knows the encoding, then
 * decodes chunk by chunk. The upload check and the import job both read files through it, so
 * they always agree on what a file says.
 */
export class CsvTextDecoder {
  private head: Buffer[] = [];
  private headLength = 0;
  private decoder: TextChunkDecoder | null = null;
  encoding: CsvEncoding | null = null;

  write(chunk: Buffer): string {
    if (this.decoder) return this.decoder.decode(chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return '';
    return this.start(false);
  }

  end(): string {
    const text = this.decoder ? '' : this.start(true);
    return text + (this.decoder?.end() ?? '');
  }

  private start(complete: boolean): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    const sniff = sniffCsvEncoding(
      head.subarray(0, SNIFF_BYTES),
      complete && head.length <= SNIFF_BYTES,
    );
    if (!sniff.ok) throw new NotCsvError(`This is not a CSV file: ${sniff.reason}.`);
    this.encoding = sniff.encoding;
    this.decoder = createCsvDecoder(sniff.encoding);
    return this.decoder.decode(head);
  }
}

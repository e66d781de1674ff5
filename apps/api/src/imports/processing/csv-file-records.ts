import type { Readable } from 'node:stream';
import { type CsvRecord, CsvRecordReader } from '../csv/csv-record-reader';
import { CsvTextDecoder } from '../csv/csv-text-decoder';

/**
 * A stored CSV as record arrays (one array per file chunk): decoded, parsed, and pulled only as
 * fast as the consumer takes them, so memory stays flat whatever the file's size.
 */
export async function* csvFileRecords(source: Readable): AsyncGenerator<CsvRecord[]> {
  const decoder = new CsvTextDecoder();
  const reader = new CsvRecordReader();
  try {
    for await (const chunk of source) {
      const records = reader.push(decoder.write(chunk as Buffer));
      if (records.length > 0) yield records;
    }
    const tail = [...reader.push(decoder.end()), ...reader.end()];
    if (tail.length > 0) yield tail;
  } finally {
    source.destroy();
  }
}

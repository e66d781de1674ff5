import { WorkbookFormatError } from './xml-tokens.js';

/** Where one file of a zip archive is, and how it is stored. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated (the only two a workbook uses). */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Reads `length` bytes at `offset` of the archive (a file, a Blob). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record (22 bytes) plus the longest comment it may carry. */
const TAIL = 22 + 0xffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The archive's central directory: every entry by name. Zip64 archives (over 4 GB or 65,535
 * entries) are refused; no workbook an import takes comes near that.
 */
export async function readZipDirectory(
  read: ReadBytes,
  size: number,
): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, size - TAIL);
  const tail = await read(tailStart, size - tailStart);
  const tailView = view(tail);
  let end = -1;
  for (let index = tail.length - 22; index >= 0; index--) {
    if (tailView.getUint32(index, true) === EOCD) {
      end = index;
      break;
    }
  }
  if (end === -1) throw new WorkbookFormatError('it is not a complete zip archive');
  const count = tailView.getUint16(end + 10, true);
  const directorySize = tailView.getUint32(end + 12, true);
  const directoryOffset = tailView.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new WorkbookFormatError('it is a Zip64 archive');
  }
  if (directoryOffset + directorySize > size) {
    throw new WorkbookFormatError('its zip directory is damaged');
  }
  const directory = await read(directoryOffset, directorySize);
  const directoryView = view(directory);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directoryView.getUint32(at, true) !== CENTRAL) {
      throw new WorkbookFormatError('its zip directory is damaged');
    }
    const nameLength = directoryView.getUint16(at + 28, true);
    const extraLength = directoryView.getUint16(at + 30, true);
    const commentLength = directoryView.getUint16(at + 32, true);
    // Read as Latin-1: the parts a workbook is read from have ASCII names.
    const name = String.fromCharCode(...directory.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: directoryView.getUint16(at + 10, true),
      compressedSize: directoryView.getUint32(at + 20, true),
      size: directoryView.getUint32(at + 24, true),
      localHeaderOffset: directoryView.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's (compressed) bytes start: after its local header, whose extra field varies. */
export async function entryDataOffset(read: ReadBytes, entry: ZipEntry): Promise<number> {
  const header = view(await read(entry.localHeaderOffset, 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL) {
    throw new WorkbookFormatError(`its zip entry ${entry.name} is damaged`);
  }
  return entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

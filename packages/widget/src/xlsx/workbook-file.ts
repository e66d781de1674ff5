import { type Inflate, sheetCsv, WorkbookReader, type WorkbookSheetInfo } from '@leadbridge/core';

/**
 * The workbook reader the Import view loads on demand (its own chunk): core's reader over the
 * dropped file, inflating with the browser's own DecompressionStream, so no zip or XML library
 * ships with the widget.
 */

/** Raw-deflate inflation, as text (workbook parts are UTF-8). */
const inflate: Inflate = (compressed, method) => {
  const bytes = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        if (compressed instanceof Uint8Array) controller.enqueue(compressed);
        else for await (const chunk of compressed) controller.enqueue(chunk);
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const inflated =
    method === 8
      ? bytes.pipeThrough(
          new DecompressionStream('deflate-raw') as ReadableWritablePair<Uint8Array, Uint8Array>,
        )
      : bytes;
  // The DOM typings pair these streams' chunk types too narrowly; bytes in, text out is right.
  const text = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
  return chunksOf(inflated.pipeThrough(text));
};

/** A stream's chunks (not every browser iterates a ReadableStream with for await). */
async function* chunksOf(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Opens a dropped workbook; rejects with the reason when it is not one the import reads. */
export function openWorkbook(file: Blob): Promise<WorkbookReader> {
  return WorkbookReader.open(
    async (offset, length) =>
      new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
    file.size,
    inflate,
  );
}

/** A sheet as the CSV file the preview reads and the import uploads (named after the workbook). */
export async function sheetAsCsvFile(
  workbook: WorkbookReader,
  sheet: WorkbookSheetInfo,
  workbookName: string,
): Promise<File> {
  const parts: string[] = [];
  for await (const chunk of sheetCsv(workbook, sheet)) parts.push(chunk);
  const name = `${workbookName.replace(/\.xlsx$/i, '')}.csv`;
  return new File(parts, name, { type: 'text/csv' });
}

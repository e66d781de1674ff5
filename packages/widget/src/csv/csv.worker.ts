/// <reference lib="webworker" />
import {
  addFieldErrorCatalog,
  errorColumnIndex,
  type FieldErrorCatalog,
  type HeaderMapping,
  type HeaderOverrides,
  isCsvTemplateExampleRow,
  type LeadFormSchema,
  type Locale,
  mapHeaders,
  validateCsvRow,
} from '@leadbridge/core';
import Papa from 'papaparse';
import {
  type FromWorker,
  type IssueTriple,
  SLICE_ROWS,
  type ToHelper,
  type ToWorker,
} from './protocol.js';

// Reads and checks a CSV file off the page's main thread. The same script runs twice: as the
// reader (decode, parse with papaparse, map the header with core, check every other slice of
// rows with core) and as its helper (checks the other slices in parallel, on another core).
// Rows go to the page in slices as they are read; none are kept here (a second copy of every
// cell made the garbage collector the biggest cost of a large file). A new mapping re-reads the
// decoded text.

declare const self: DedicatedWorkerGlobalScope;

interface Reading {
  schema: LeadFormSchema;
  locale: Locale;
  fieldErrors: FieldErrorCatalog;
  text: string;
  headers: string[];
  mapping: HeaderMapping;
  maxRows: number;
  helper: MessagePort | null;
  generation: number;
}

type Check = (cells: string[], index: number, issues: IssueTriple[], examples: number[]) => void;

let reading: Reading | null = null;

function post(message: FromWorker): void {
  self.postMessage(message);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252 as Excel writes it. */
function decode(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/**
 * core's row check, plus the template's example row (which the import skips; core answers from
 * an example it builds once per schema, and stops at the first cell that differs).
 */
function rowChecker(schema: LeadFormSchema, mapping: HeaderMapping, locale: Locale): Check {
  return (cells, index, issues, examples) => {
    if (isCsvTemplateExampleRow(schema, mapping.columns, cells)) {
      examples.push(index);
      return;
    }
    const result = validateCsvRow(schema, mapping.columns, cells, locale);
    if (result.ok) return;
    for (const error of result.errors) {
      issues.push([index, errorColumnIndex(mapping.columns, error), error.message]);
    }
  };
}

function checkSlice(check: Check, start: number, rows: string[][]) {
  const issues: IssueTriple[] = [];
  const examples: number[] = [];
  for (let offset = 0; offset < rows.length; offset++) {
    check(rows[offset] as string[], start + offset, issues, examples);
  }
  return { issues, examples };
}

/**
 * Streams the text through papaparse: the header first, then slices of rows, every other one
 * checked here and the rest by the helper. With `withRows` false (a new mapping) only the
 * problems are sent again.
 */
function stream(current: Reading, withRows: boolean): void {
  const generation = current.generation;
  let check = rowChecker(current.schema, current.mapping, current.locale);
  let headerSeen = false;
  let index = -1;
  let slice: string[][] = [];
  let sliceStart = 0;
  let slices = 0;
  let delegated = 0;
  let tooLarge = false;
  const setupHelper = () =>
    current.helper?.postMessage({
      type: 'setup',
      schema: current.schema,
      mapping: current.mapping,
      locale: current.locale,
      fieldErrors: current.fieldErrors,
      generation,
    } satisfies ToHelper);
  if (!withRows) setupHelper();
  const flush = () => {
    if (slice.length === 0) return;
    const rows = slice;
    const start = sliceStart;
    slice = [];
    sliceStart = index + 1;
    const delegate = current.helper !== null && slices++ % 2 === 1;
    if (delegate) {
      delegated++;
      current.helper?.postMessage({ type: 'check', start, rows, generation } satisfies ToHelper);
      if (withRows)
        post({ type: 'rows', start, rows, checked: false, issues: [], examples: [], generation });
      return;
    }
    const { issues, examples } = checkSlice(check, start, rows);
    if (withRows) post({ type: 'rows', start, rows, checked: true, issues, examples, generation });
    else post({ type: 'issues', start, end: start + rows.length, issues, examples, generation });
  };
  Papa.parse<string[]>(current.text, {
    skipEmptyLines: 'greedy',
    chunkSize: 1024 * 1024,
    // Typed for files, but papaparse streams a string in chunks just the same.
    complete: () => {},
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      for (const cells of results.data) {
        if (!headerSeen) {
          headerSeen = true;
          // A first read maps the header; a re-read keeps the mapping the partner chose.
          if (withRows) {
            current.headers = cells;
            current.mapping = mapHeaders(current.schema, cells);
            check = rowChecker(current.schema, current.mapping, current.locale);
            post({ type: 'header', headers: cells, mapping: current.mapping, generation });
            setupHelper();
          }
          continue;
        }
        index++;
        if (index >= current.maxRows) {
          tooLarge = true;
          parser.abort();
          return;
        }
        slice.push(cells);
        if (slice.length >= SLICE_ROWS) flush();
      }
    },
  });
  if (tooLarge) {
    post({ type: 'too-large', rows: current.maxRows });
    reading = null;
    return;
  }
  flush();
  if (index < 0) {
    post({ type: 'failed', code: 'empty', detail: '' });
    reading = null;
    return;
  }
  post({ type: 'done', total: index + 1, delegated, generation });
}

async function read(message: Extract<ToWorker, { type: 'parse' }>): Promise<void> {
  let text: string;
  try {
    text = decode(await message.file.arrayBuffer());
  } catch (error) {
    post({ type: 'failed', code: 'read_failed', detail: String(error) });
    return;
  }
  if (text.slice(0, 4096).includes('\u0000')) {
    post({ type: 'failed', code: 'not_csv', detail: 'binary' });
    return;
  }
  addFieldErrorCatalog(message.locale, message.fieldErrors);
  reading = {
    schema: message.schema,
    locale: message.locale,
    fieldErrors: message.fieldErrors,
    text,
    headers: [],
    mapping: {
      columns: [],
      unmapped: [],
      unmappedIndexes: [],
      missingRequired: [],
      duplicated: [],
    },
    maxRows: message.maxRows,
    helper: message.helper,
    generation: 1,
  };
  stream(reading, true);
}

function remap(overrides: HeaderOverrides): void {
  if (!reading) return;
  reading.generation++;
  reading.mapping = mapHeaders(reading.schema, reading.headers, overrides);
  post({
    type: 'header',
    headers: reading.headers,
    mapping: reading.mapping,
    generation: reading.generation,
  });
  stream(reading, false);
}

/** The helper's side: check the slices the reader sends, report their problems to the page. */
function help(port: MessagePort): void {
  let check: Check | null = null;
  let generation = 0;
  port.onmessage = (event: MessageEvent<ToHelper>) => {
    const message = event.data;
    if (message.type === 'setup') {
      addFieldErrorCatalog(message.locale, message.fieldErrors);
      check = rowChecker(message.schema, message.mapping, message.locale);
      generation = message.generation;
    } else if (check && message.generation === generation) {
      const { issues, examples } = checkSlice(check, message.start, message.rows);
      const end = message.start + message.rows.length;
      post({ type: 'issues', start: message.start, end, issues, examples, generation });
    }
  };
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'parse') void read(message);
  else if (message.type === 'remap') remap(message.overrides);
  else if (message.type === 'help') help(message.port);
};

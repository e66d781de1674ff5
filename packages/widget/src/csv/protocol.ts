import type { FieldErrorCatalog, HeaderMapping, LeadFormSchema, Locale } from '@leadbridge/core';

/** One problem in a row: the column it belongs to (-1: the row as a whole) and its message. */
export interface CellIssue {
  column: number;
  message: string;
}

/** Problems of the rows of one slice, as [row index, column, message] triples. */
export type IssueTriple = [row: number, column: number, message: string];

/** Page → reader worker. The reader parses; a helper worker (through `helper`) checks half. */
export type ToWorker =
  | {
      type: 'parse';
      file: Blob;
      schema: LeadFormSchema;
      locale: Locale;
      /** The page's messages for `locale`: a worker starts with English only. */
      fieldErrors: FieldErrorCatalog;
      maxRows: number;
      helper: MessagePort | null;
    }
  | { type: 'remap'; overrides: Record<number, string | null> }
  /** Page → helper worker: the port on which the reader will send it rows to check. */
  | { type: 'help'; port: MessagePort };

/** Reader → helper, on their own channel. */
export type ToHelper =
  | {
      type: 'setup';
      schema: LeadFormSchema;
      mapping: HeaderMapping;
      locale: Locale;
      fieldErrors: FieldErrorCatalog;
      generation: number;
    }
  | { type: 'check'; start: number; rows: string[][]; generation: number };

/** Worker → page. `generation` counts readings (a new mapping starts a new one). */
export type FromWorker =
  /** The header row, mapped automatically (or with the overrides after a remap). */
  | { type: 'header'; headers: string[]; mapping: HeaderMapping; generation: number }
  /** A slice of rows, with their problems unless the helper checks them (`checked: false`). */
  | {
      type: 'rows';
      start: number;
      rows: string[][];
      checked: boolean;
      issues: IssueTriple[];
      examples: number[];
      generation: number;
    }
  /** A slice checked (by the helper, or again after the mapping changed). */
  | {
      type: 'issues';
      start: number;
      end: number;
      issues: IssueTriple[];
      examples: number[];
      generation: number;
    }
  /** The reader is through the file; `delegated` slices are still the helper's to report. */
  | { type: 'done'; total: number; delegated: number; generation: number }
  | { type: 'too-large'; rows: number }
  | { type: 'failed'; code: 'not_csv' | 'empty' | 'read_failed'; detail: string };

/** Rows per message: small enough that receiving one never blocks the page for long. */
export const SLICE_ROWS = 2000;

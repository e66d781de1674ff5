import type { FieldErrorCode } from './field-errors.js';

/** One language's field error messages, with the words that stand in for missing parameters. */
export interface FieldErrorCatalog {
  readonly messages: Readonly<Record<FieldErrorCode, string>>;
  /** Stands in for a missing `{label}` ("This field"). */
  readonly label: string;
  /** For a code this version does not know (a newer server may send one). */
  readonly generic: string;
  /** Names a whole lead, when the input is not a lead at all. */
  readonly lead: string;
}

import {
  type DedupePolicy,
  formatRowErrors,
  isCsvTemplateExampleRow,
  isEmptyCsvRow,
  type LeadFormSchema,
  mapHeaders,
  validateCsvRow,
} from '@leadbridge/core';
import type { FieldIssue } from '../common/problem/problem';
import type { CsvRecord } from './csv/csv-record-reader';
import { type StoredMapping, toOverrides } from './import-mapping';
import type { ImportDryRunDto } from './imports.dto';
import { createCompactLeadDeduper } from './processing/compact-lead-deduper';
import { inFileDuplicateMessage, quoteProblemMessage, withoutNul } from './processing/row-messages';

const PROBLEMS_SHOWN = 20;

type Problem = ImportDryRunDto['problems'][number];

/**
 * What the import job would do with a file, row by row, without storing anything: the same
 * header mapping, template-row skip, row validation (core) and in-file duplicate check as
 * ImportProcessor, fed record by record while the upload streams through.
 */
export class ImportDryRun {
  private readonly deduper;
  private rowNumber = 0;
  private headers: string[] | null = null;
  private columns: (string | null)[] = [];
  private missingRequired: string[] = [];
  private duplicated: string[] = [];
  private firstDataRowSeen = false;
  private rowsTotal = 0;
  private rowsValid = 0;
  private rowsFailed = 0;
  private rowsDuplicate = 0;
  private readonly problems: Problem[] = [];
  private problemsTruncated = false;

  constructor(
    private readonly schema: LeadFormSchema,
    dedupePolicy: DedupePolicy,
    private readonly mapping: StoredMapping | null,
  ) {
    this.deduper = createCompactLeadDeduper(dedupePolicy);
  }

  /** One record of the file, in order (empty ones included, as they count as rows). */
  readonly add = (record: CsvRecord): void => {
    this.rowNumber++;
    const { cells, problem: nulProblem } = withoutNul(record.cells, this.headers);
    if (isEmptyCsvRow(cells)) return;
    if (!this.headers) {
      this.headers = cells;
      const mapped = mapHeaders(this.schema, cells, toOverrides(this.mapping));
      this.columns = mapped.columns;
      this.missingRequired = mapped.missingRequired;
      this.duplicated = mapped.duplicated;
      return;
    }
    if (!this.firstDataRowSeen) {
      this.firstDataRowSeen = true;
      // The template's untouched example row is not a lead (the import skips it too).
      if (isCsvTemplateExampleRow(this.schema, this.columns, cells)) return;
    }
    this.rowsTotal++;
    // Without every required column no row can be checked the way the import would.
    if (this.missingRequired.length > 0) return;
    const messages: string[] = [];
    const errors: FieldIssue[] = [];
    if (record.quoteProblem) messages.push(quoteProblemMessage(record.quoteProblem));
    if (nulProblem) messages.push(nulProblem);
    const result = validateCsvRow(this.schema, this.columns, cells);
    if (!result.ok) {
      messages.push(formatRowErrors(result.errors));
      errors.push(...result.errors);
    }
    if (messages.length > 0) {
      this.rowsFailed++;
      this.note({ row: this.rowNumber, kind: 'failed', message: messages.join('; '), errors });
      return;
    }
    if (!result.ok) return;
    const match = this.deduper.add(
      { email: result.value.email, company: result.value.company },
      this.rowNumber,
    );
    if (match) {
      this.rowsDuplicate++;
      this.note({
        row: this.rowNumber,
        kind: 'duplicate',
        message: inFileDuplicateMessage(match),
        errors: [],
      });
    } else {
      this.rowsValid++;
    }
  };

  private note(problem: Problem): void {
    if (this.problems.length < PROBLEMS_SHOWN) this.problems.push(problem);
    else this.problemsTruncated = true;
  }

  result(
    context: Pick<
      ImportDryRunDto,
      | 'programId'
      | 'partnerId'
      | 'fileName'
      | 'fileSize'
      | 'encoding'
      | 'delimiter'
      | 'format'
      | 'sheet'
      | 'sheets'
    >,
  ): ImportDryRunDto {
    const headers = this.headers ?? [];
    return {
      ...context,
      headers,
      columns: headers.map((header, index) => ({
        index,
        header,
        field: this.columns[index] ?? null,
      })),
      mapping: Object.fromEntries(
        headers.map((_, index) => [String(index), this.columns[index] ?? null]),
      ),
      missingRequired: this.missingRequired,
      duplicatedFields: this.duplicated,
      ready: this.missingRequired.length === 0,
      rowsTotal: this.rowsTotal,
      rowsValid: this.rowsValid,
      rowsFailed: this.rowsFailed,
      rowsDuplicate: this.rowsDuplicate,
      problems: this.problems,
      problemsTruncated: this.problemsTruncated,
    };
  }
}

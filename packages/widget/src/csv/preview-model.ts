import {
  errorColumnIndex,
  type HeaderMapping,
  isCsvTemplateExampleRow,
  type LeadFormSchema,
  type Locale,
  validateCsvRow,
} from '@leadbridge/core';
import type { CellIssue, IssueTriple } from './protocol.js';

/**
 * The file being previewed, on the page's side: every row (as the partner may have fixed it),
 * the problems of the invalid ones, and the counts the preview shows.
 */
export class PreviewModel {
  headers: string[] = [];
  rows: string[][] = [];
  mapping: HeaderMapping | null = null;
  /** Column index → field key or null (ignored), as the partner adjusted it. */
  overrides: Record<number, string | null> = {};
  /** Problems of invalid rows only, by row index. */
  readonly issues = new Map<number, CellIssue[]>();
  /** Rows that are the template's untouched example (skipped by the import). */
  readonly examples = new Set<number>();
  /** Rows the partner changed in the preview. */
  readonly edited = new Set<number>();
  done = false;
  private invalidList: number[] | null = null;

  constructor(
    private readonly schema: LeadFormSchema,
    private readonly locale: Locale,
  ) {}

  get total(): number {
    return this.rows.length;
  }

  get invalidCount(): number {
    return this.issues.size;
  }

  get validCount(): number {
    return this.rows.length - this.issues.size - this.examples.size;
  }

  /** Indexes of invalid rows, ascending (cached until the problems change). */
  invalidRows(): number[] {
    this.invalidList ??= [...this.issues.keys()].sort((a, b) => a - b);
    return this.invalidList;
  }

  /** A slice as read; `issues` null when they come separately (checked by the helper). */
  addRows(start: number, rows: string[][], issues: IssueTriple[] | null, examples: number[]): void {
    for (let offset = 0; offset < rows.length; offset++)
      this.rows[start + offset] = rows[offset] as string[];
    if (issues) this.setIssues(start, start + rows.length, issues, examples);
  }

  /** Replaces the problems of rows [start, end) (after a slice was checked). */
  setIssues(start: number, end: number, issues: IssueTriple[], examples: number[]): void {
    for (let row = start; row < end; row++) {
      this.issues.delete(row);
      this.examples.delete(row);
    }
    for (const [row, column, message] of issues) {
      const list = this.issues.get(row);
      if (list) list.push({ column, message });
      else this.issues.set(row, [{ column, message }]);
    }
    for (const row of examples) this.examples.add(row);
    // The worker checks the file as read; rows fixed here are checked here, with this mapping.
    for (const row of this.edited) if (row >= start && row < end) this.recheck(row);
    this.invalidList = null;
  }

  issuesOf(row: number): CellIssue[] | undefined {
    return this.issues.get(row);
  }

  /** Changes one cell and re-checks its row with core, as the import will. */
  editCell(row: number, column: number, value: string): void {
    const cells = [...(this.rows[row] ?? [])];
    while (cells.length <= column) cells.push('');
    cells[column] = value;
    this.rows[row] = cells;
    this.edited.add(row);
    this.recheck(row);
    this.invalidList = null;
  }

  recheck(row: number): void {
    const { schema, locale } = this;
    const columns = this.mapping?.columns ?? [];
    const cells = this.rows[row] ?? [];
    this.issues.delete(row);
    this.examples.delete(row);
    if (isCsvTemplateExampleRow(schema, columns, cells)) {
      this.examples.add(row);
    } else {
      const result = validateCsvRow(schema, columns, cells, locale);
      if (!result.ok) {
        this.issues.set(
          row,
          result.errors.map((error) => ({
            column: errorColumnIndex(columns, error),
            message: error.message,
          })),
        );
      }
    }
  }
}

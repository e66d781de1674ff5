import type { ReactiveController } from 'lit';
import type { ImportViewElement } from '../components/import-view/import-view.component.js';

type WorkbookModule = typeof import('../xlsx/workbook-file.js');
type Workbook = Awaited<ReturnType<WorkbookModule['openWorkbook']>>;

/** Whether a chosen file is an Excel workbook (.xlsx), by its name or declared type. */
export function isWorkbookFile(file: File): boolean {
  return (
    /\.xlsx$/i.test(file.name) ||
    file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  );
}

/**
 * An Excel workbook in the Import view: loads the workbook reader (its own chunk, fetched only
 * when a workbook is dropped), lets the partner pick a sheet when it has several visible ones
 * (hidden sheets are not offered), and hands the sheet to the CSV reader as CSV — the same
 * mapping, preview, fixes and upload as a CSV file.
 */
export class WorkbookController implements ReactiveController {
  private workbook: Workbook | null = null;
  private file: File | null = null;

  constructor(private readonly host: ImportViewElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  clear(): void {
    this.workbook = null;
    this.file = null;
  }

  private failed(file: File, error: unknown): void {
    if (this.file !== file) return;
    this.clear();
    const detail = error instanceof Error ? error.message : String(error);
    this.host.readFailed(this.host.context.t('import.notWorkbook', { name: file.name, detail }));
  }

  /** Opens a dropped workbook: straight to its preview, or to the sheet picker. */
  async open(file: File): Promise<void> {
    const host = this.host;
    this.file = file;
    host.phase = { kind: 'reading', rows: 0 };
    try {
      const { openWorkbook } = await import('../xlsx/workbook-file.js');
      const workbook = await openWorkbook(file);
      if (this.file !== file) return;
      const sheets = workbook.visibleSheets.map((sheet) => sheet.name);
      if (sheets.length === 0) throw new Error('it has no visible worksheet');
      this.workbook = workbook;
      if (sheets.length === 1) await this.choose(sheets[0] as string);
      else host.phase = { kind: 'sheet', sheets };
    } catch (error) {
      this.failed(file, error);
    }
  }

  /** Reads the chosen sheet into the preview. */
  async choose(name: string): Promise<void> {
    const { host, workbook, file } = this;
    const sheet = workbook?.visibleSheets.find((candidate) => candidate.name === name);
    if (!workbook || !file || !sheet) return;
    host.phase = { kind: 'reading', rows: 0 };
    host.sheetName = name;
    try {
      const { sheetAsCsvFile } = await import('../xlsx/workbook-file.js');
      const csv = await sheetAsCsvFile(workbook, sheet, file.name);
      if (this.file !== file) return;
      host.reader.read(csv, host.context.program.formSchema, host.context.locale);
    } catch (error) {
      this.failed(file, error);
    }
  }
}

import { csvTemplate } from '@leadbridge/core';
import type { PublicProgram } from '../../api/types.js';
import { downloadText } from '../import-history/download.js';

/** "Download CSV template": the program's columns, named after the program. */
export function downloadTemplate(program: PublicProgram): void {
  const name = (program.name || 'leads').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  // Excel reads UTF-8 only with a BOM; every importer (ours included) skips it.
  downloadText(
    `${name || 'leads'}-template.csv`,
    csvTemplate(program.formSchema, { bom: true }),
    'text/csv;charset=utf-8',
  );
}

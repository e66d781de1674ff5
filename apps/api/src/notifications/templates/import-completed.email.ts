import type { EmailContent } from './email-layout';
import { type PartnerEmailFrame, renderPartnerEmail } from './partner-frame';

export interface ImportCompletedEmail {
  fileName: string;
  failed: boolean;
  error: string | null;
  rowsTotal: number | null;
  rowsImported: number;
  rowsDuplicate: number;
  rowsFailed: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A CSV import finished (or could not be processed). */
export function importCompletedEmail(
  frame: PartnerEmailFrame,
  email: ImportCompletedEmail,
): EmailContent {
  if (email.failed) {
    return renderPartnerEmail(frame, `Your import of ${email.fileName} could not be processed`, [
      {
        kind: 'paragraph',
        text: `We could not import ${email.fileName} into ${frame.programName}. No leads from it were submitted.`,
      },
      ...(email.error ? [{ kind: 'quote' as const, text: email.error }] : []),
      { kind: 'action', label: 'Open your import history', url: frame.portalUrl },
    ]);
  }
  const rejected = email.rowsFailed + email.rowsDuplicate;
  const subject =
    rejected === 0
      ? `Your import of ${email.fileName} is done: ${plural(email.rowsImported, 'lead', 'leads')} submitted`
      : `Your import of ${email.fileName} is done: ${plural(email.rowsImported, 'lead', 'leads')} submitted, ${plural(rejected, 'row', 'rows')} need attention`;
  const facts: [string, string][] = [['File', email.fileName]];
  if (email.rowsTotal !== null)
    facts.push(['Rows in the file', email.rowsTotal.toLocaleString('en')]);
  facts.push(['Leads submitted', email.rowsImported.toLocaleString('en')]);
  facts.push(['Duplicates (not submitted)', email.rowsDuplicate.toLocaleString('en')]);
  facts.push(['Rows with errors', email.rowsFailed.toLocaleString('en')]);
  return renderPartnerEmail(frame, subject, [
    { kind: 'paragraph', text: `Your lead import into ${frame.programName} has finished.` },
    { kind: 'facts', rows: facts },
    ...(rejected > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: 'Download the error CSV from your import history: it lists each row that was not submitted with the reason, so you can fix it and import it again.',
          },
        ]
      : []),
    { kind: 'action', label: 'Open your import history', url: frame.portalUrl },
  ]);
}

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

/** A CSV import finished (or could not be processed). */
export function importCompletedEmail(
  frame: PartnerEmailFrame,
  email: ImportCompletedEmail,
): EmailContent {
  const { t } = frame.text;
  const file = email.fileName;
  const program = frame.programName;
  const action = { kind: 'action' as const, label: t('import.action'), url: frame.portalUrl };
  if (email.failed) {
    return renderPartnerEmail(frame, t('import.failedSubject', { file }), [
      { kind: 'paragraph', text: t('import.failedBody', { file, program }) },
      ...(email.error ? [{ kind: 'quote' as const, text: email.error }] : []),
      action,
    ]);
  }
  const rejected = email.rowsFailed + email.rowsDuplicate;
  const submitted = t('import.submitted', { count: email.rowsImported });
  const subject =
    rejected === 0
      ? t('import.subject', { file, submitted })
      : t('import.subjectWithProblems', {
          file,
          submitted,
          attention: t('import.attention', { count: rejected }),
        });
  const number = frame.text.number;
  const facts: [string, string][] = [[t('import.fact.file'), file]];
  if (email.rowsTotal !== null) facts.push([t('import.fact.rows'), number(email.rowsTotal)]);
  facts.push([t('import.fact.imported'), number(email.rowsImported)]);
  facts.push([t('import.fact.duplicates'), number(email.rowsDuplicate)]);
  facts.push([t('import.fact.failed'), number(email.rowsFailed)]);
  return renderPartnerEmail(frame, subject, [
    { kind: 'paragraph', text: t('import.body', { program }) },
    { kind: 'facts', rows: facts },
    ...(rejected > 0 ? [{ kind: 'paragraph' as const, text: t('import.errorFile') }] : []),
    action,
  ]);
}

/**
 * The strings of the first load (the shell and the Submit view), in English: the fallback for
 * any missing translation. The other views' strings are in ./views/en.ts, loaded with them.
 */
export const en = {
  'shell.loading': 'Loading…',
  'shell.tabs': 'Partner portal sections',
  'shell.tab.submit': 'Submit a lead',
  'shell.tab.leads': 'My leads',
  'shell.tab.customers': 'Customers',
  'shell.tab.commissions': 'Commissions',
  'shell.tab.summary': 'Program',
  'shell.tab.messages': 'Messages',
  'shell.unread.one': '{count} unread',
  'shell.unread.other': '{count} unread',
  'shell.signedInAs': 'Signed in as {name}',
  'shell.signOut': 'Sign out',
  'shell.preview': 'Preview',
  'shell.error.notFound': 'This partner program could not be found. Check the publishable key.',
  'shell.error.origin':
    'This website is not allowed to show this form. The company can add it to the program’s allowed websites.',
  'shell.error.missingKey': 'This form is missing its publishable-key attribute.',
  'shell.error.network': 'Could not reach the server. Check your connection and try again.',
  'shell.error.generic': 'Something went wrong. Please try again.',
  'shell.error.sessionExpired': 'Your session has expired. Please sign in again.',
  'shell.retry': 'Try again',
  'shell.viewLoadFailed': 'This section could not be loaded. Check your connection and try again.',
  'submit.title': 'Submit a lead',
  'submit.intro': 'Fields marked * are required.',
  'submit.button': 'Submit lead',
  'submit.sending': 'Submitting…',
  'submit.moreActions': 'More lead actions',
  'submit.importLeads': 'Import leads',
  'submit.importHistory': 'View import history',
  'submit.selectPlaceholder': 'Choose…',
  'submit.fixErrors.one': '{count} field needs your attention.',
  'submit.fixErrors.other': '{count} fields need your attention.',
  'submit.success.title': 'Lead submitted',
  'submit.success.body':
    '{name} was sent to {program}. You will get an email when its status changes.',
  'submit.success.bodyNoProgram': '{name} was sent. You will get an email when its status changes.',
  'submit.success.another': 'Submit another lead',
  'submit.success.viewLeads': 'View my leads',
  'submit.preview.title': 'Preview — nothing was sent',
  'submit.preview.body':
    'This is how partners see the form. In preview mode submitting only checks the fields.',
  'submit.disabled': 'This program is not accepting leads at the moment.',
  'submit.kept': 'What you typed is kept here until it does.',
  'submit.duplicate.email':
    'A lead with this email address is already registered in this program (since {date}). The partner who registers a lead first owns it, so it cannot be submitted again.',
  'submit.duplicate.domain':
    'A lead from this company is already registered in this program (since {date}). The partner who registers a lead first owns it, so it cannot be submitted again.',
  'submit.duplicate.field': 'Already registered in this program',
  'submit.rateLimited': 'Too many submissions in a short time. Wait a minute and try again.',
  'submit.failed': 'The lead could not be submitted: {detail}',
  'submit.serverErrors': 'The server did not accept some values:',
  'field.yes': 'Yes',
  'field.no': 'No',
  'field.empty': '—',
  'field.required': 'required',
} as const;

export type CoreMessageKey = keyof typeof en;

/**
 * Plural categories English does not have but other languages do (`Intl.PluralRules`): French,
 * Spanish, Italian and Portuguese say "1 000 000 de …" ("many"). The catalogs test requires each
 * language to have exactly the categories its rules use.
 */
export type PluralExtras<Key extends string> = Partial<
  Record<
    `${Key extends `${infer Base}.other` ? Base : never}.${'zero' | 'two' | 'few' | 'many'}`,
    string
  >
>;

export type CoreCatalog = Readonly<Record<CoreMessageKey, string> & PluralExtras<CoreMessageKey>>;

/**
 * Every text of every email a partner gets, of the unsubscribe pages its links open and of the
 * hosted portal page, in English: the reference the other languages translate (same keys, same `{placeholders}`, the
 * plural forms their `Intl.PluralRules` use; test/email-i18n.test.ts checks all of it).
 * `{count}` picks a plural form; numbers and amounts arrive formatted for the language.
 */
export const en = {
  'frame.greeting': 'Hi {name},',
  'frame.footer': 'You get {kind} as a partner of {company} ({program}).',
  'frame.unsubscribe': 'Unsubscribe from {kind}',
  'kind.lead_stage': 'lead status updates',
  'kind.import_completed': 'import results',
  'kind.commission': 'commission updates',
  'kind.message': 'new messages',

  'fact.lead': 'Lead',
  'fact.email': 'Email',
  'fact.company': 'Company',

  'leadStage.subject': '{lead} is now {status} – {program}',
  'leadStage.body': 'The status of a lead you submitted to {program} changed to {status}.',
  'leadStage.previous': 'Previous status',
  'leadStage.new': 'New status',
  'leadStage.action': 'View your leads',
  'leadStage.earnedFlat':
    'You earned {amount} for this {stage} lead. {company} approves commissions before paying them; you can follow yours under Commissions.',
  'leadStage.earnedPercent.one':
    'You also earn {percent} of every payment {lead} makes during the next month.',
  'leadStage.earnedPercent.other':
    'You also earn {percent} of every payment {lead} makes during the next {count} months.',
  'leadStage.earnedPercentForever':
    'You also earn {percent} of every payment {lead} makes for as long as they stay a customer.',

  'import.failedSubject': 'Your import of {file} could not be processed',
  'import.failedBody':
    'We could not import {file} into {program}. No leads from it were submitted.',
  'import.subject': 'Your import of {file} is done: {submitted}',
  'import.subjectWithProblems': 'Your import of {file} is done: {submitted}, {attention}',
  'import.submitted.one': '{count} lead submitted',
  'import.submitted.other': '{count} leads submitted',
  'import.attention.one': '{count} row needs attention',
  'import.attention.other': '{count} rows need attention',
  'import.body': 'Your lead import into {program} has finished.',
  'import.fact.file': 'File',
  'import.fact.rows': 'Rows in the file',
  'import.fact.imported': 'Leads submitted',
  'import.fact.duplicates': 'Duplicates (not submitted)',
  'import.fact.failed': 'Rows with errors',
  'import.errorFile':
    'Download the error CSV from your import history: it lists each row that was not submitted with the reason, so you can fix it and import it again.',
  'import.action': 'Open your import history',

  'commission.subjectApproved': 'Commission approved: {amount} for {lead} – {program}',
  'commission.subjectPaid': 'Commission paid: {amount} for {lead} – {program}',
  'commission.approved':
    '{company} approved a commission of {amount}. It will be paid out according to the program’s terms.',
  'commission.paid': '{company} has paid you a commission of {amount}.',
  'commission.fact.commission': 'Commission',
  'commission.fact.amount': 'Amount',
  'commission.action': 'View your commissions',

  'message.subject': 'New message from {company}: {subject}',
  'message.body': '{author} from {company} sent you a message.',
  'message.bodyAboutLead': '{author} from {company} sent you a message about the lead {lead}.',
  'message.action': 'Read and reply',

  'invite.subjectOne': "You're now a partner in {program}",
  'invite.subject': '{company} added you as a partner',
  'invite.enrolled': '{company} has enrolled you in {programs}.',
  'invite.added': '{company} has added you as a partner.',
  'invite.submitHere': 'Submit leads to {program} here:',
  'invite.offer': 'What you earn in {program}: {offer}',
  'invite.signIn':
    'Sign in there with this email address ({email}): you will get a one-time code by email, no password needed.',
  'invite.about':
    'There you can submit leads one by one or import a CSV file, follow the status of every lead you submitted, and see the customers and commissions they bring you. We will email you when a lead you submitted moves forward.',
  'invite.signature': '— {company}',
  'invite.footer': 'You get this email because {company} added you as a partner.',

  'signIn.subject': '{code} is your sign-in code for {program}',
  'signIn.body': 'Your code to sign in to {program} is:',
  'signIn.expires.one':
    'It expires in {count} minute and works once. If you did not ask for it, ignore this email: nobody can sign in without the code.',
  'signIn.expires.other':
    'It expires in {count} minutes and works once. If you did not ask for it, ignore this email: nobody can sign in without the code.',
  'signIn.footer':
    'You get this email because someone asked to sign in to {program} ({company}) with this address.',

  'apply.subject': '{code} confirms your application to {program}',
  'apply.body':
    'Enter this code to confirm your email address and send your application to {program}:',
  'apply.footer':
    'You get this email because someone applied to {program} ({company}) with this address.',
  'approved.subject': 'Welcome to {program}: your application is approved',
  'approved.intro': '{company} approved your application and enrolled you in {programs}.',
  'declined.subject': 'Your application to {program}',
  'declined.body':
    'Thank you for applying to {program}. {company} has decided not to take your application further at this time.',
  'declined.closing': 'Thank you for your interest in working with {company}.',

  'unsubscribe.title': 'Unsubscribe',
  'unsubscribe.question': 'Unsubscribe from {kind}?',
  'unsubscribe.explain':
    'You will no longer get emails about {kind} from {company}. Other emails are not affected.',
  'unsubscribe.button': 'Unsubscribe',
  'unsubscribe.doneTitle': 'Unsubscribed',
  'unsubscribe.done': 'You are unsubscribed',
  'unsubscribe.doneExplain': 'You will no longer get emails about {kind} from {company}.',

  'portal.tag': 'Partner portal',
  'portal.intro':
    'Submit the leads you bring to {company}, follow each one through the sales process and see what you earn.',
  'portal.description': 'The partner portal of {company}: submit leads and follow them.',
  'portal.note':
    'Not a partner yet? Ask {company} to invite you. Partners sign in with a one-time code sent to the address their invitation went to.',
  'portal.noteOpen':
    'Not a partner yet? Apply to join {program}: {company} will email you once your application is reviewed.',
  'portal.apply': 'Apply to join',
  'portal.noscript':
    'This portal needs JavaScript to show the form. Turn it on for this page and reload.',
  'portal.footer': '{company} partner portal · powered by Leadbridge',
  'portal.notFoundTitle': 'Partner portal not found',
  'portal.notFound': 'This partner portal does not exist',
  'portal.notFoundExplain':
    'The address may be mistyped, or the company closed this program. Ask the company that invited you for the current link.',
} as const;

export type EmailMessageKey = keyof typeof en;

type PluralBase = EmailMessageKey extends infer K
  ? K extends `${infer Base}.other`
    ? Base
    : never
  : never;

/** A language's catalog: English's keys, plus the plural categories English lacks ("many"). */
export type EmailCatalog = Readonly<
  Record<EmailMessageKey, string> &
    Partial<Record<`${PluralBase}.${'zero' | 'two' | 'few' | 'many'}`, string>>
>;
export type EmailPluralKey = PluralBase;

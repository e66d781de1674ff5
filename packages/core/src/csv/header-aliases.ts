import type { BuiltInFieldKey } from '../form/built-in-fields.js';

/**
 * What people call the built-in columns in exports from CRMs and spreadsheets, in English and
 * German. Compared after normalizeHeader, so case, accents and punctuation do not matter.
 */
export const BUILT_IN_HEADER_ALIASES: Readonly<Record<BuiltInFieldKey, readonly string[]>> = {
  email: [
    'e-mail',
    'email address',
    'mail',
    'work email',
    'e-mail address',
    'business email',
    'email_address',
    'e-mail-adresse',
    'emailadresse',
  ],
  firstName: ['first name', 'firstname', 'given name', 'first', 'forename', 'vorname'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last', 'nachname', 'familienname'],
  company: [
    'company name',
    'organisation',
    'organization',
    'account',
    'business',
    'company/account name',
    'account name',
    'firma',
    'unternehmen',
    'firmenname',
  ],
};

export { FIELD_ERRORS_DE as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in German (loaded only when the widget speaks German). */
export const messages: CoreCatalog = {
  'shell.loading': 'Wird geladen …',
  'shell.tabs': 'Bereiche des Partnerportals',
  'shell.tab.submit': 'Lead einreichen',
  'shell.tab.leads': 'Meine Leads',
  'shell.tab.customers': 'Kunden',
  'shell.tab.commissions': 'Provisionen',
  'shell.tab.summary': 'Programm',
  'shell.tab.messages': 'Nachrichten',
  'shell.unread.one': '{count} ungelesen',
  'shell.unread.other': '{count} ungelesen',
  'shell.signedInAs': 'Angemeldet als {name}',
  'shell.signOut': 'Abmelden',
  'shell.preview': 'Vorschau',
  'shell.error.notFound':
    'Dieses Partnerprogramm wurde nicht gefunden. Bitte den Publishable Key prüfen.',
  'shell.error.origin':
    'Diese Website darf dieses Formular nicht anzeigen. Das Unternehmen kann sie zu den erlaubten Websites des Programms hinzufügen.',
  'shell.error.missingKey': 'Diesem Formular fehlt das Attribut publishable-key.',
  'shell.error.network':
    'Der Server ist nicht erreichbar. Bitte die Verbindung prüfen und es erneut versuchen.',
  'shell.error.generic': 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
  'shell.error.sessionExpired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'shell.retry': 'Erneut versuchen',
  'shell.viewLoadFailed':
    'Dieser Bereich konnte nicht geladen werden. Bitte die Verbindung prüfen und es erneut versuchen.',
  'submit.title': 'Lead einreichen',
  'submit.intro': 'Mit * markierte Felder sind Pflichtfelder.',
  'submit.button': 'Lead einreichen',
  'submit.sending': 'Wird eingereicht …',
  'submit.moreActions': 'Weitere Lead-Aktionen',
  'submit.importLeads': 'Leads importieren',
  'submit.importHistory': 'Importverlauf anzeigen',
  'submit.selectPlaceholder': 'Auswählen …',
  'submit.fixErrors.one': '{count} Feld muss korrigiert werden.',
  'submit.fixErrors.other': '{count} Felder müssen korrigiert werden.',
  'submit.success.title': 'Lead eingereicht',
  'submit.success.body':
    '{name} wurde an {program} gesendet. Sie erhalten eine E-Mail, wenn sich der Status ändert.',
  'submit.success.bodyNoProgram':
    '{name} wurde gesendet. Sie erhalten eine E-Mail, wenn sich der Status ändert.',
  'submit.success.another': 'Weiteren Lead einreichen',
  'submit.success.viewLeads': 'Meine Leads anzeigen',
  'submit.preview.title': 'Vorschau – es wurde nichts gesendet',
  'submit.preview.body':
    'So sehen Partner das Formular. In der Vorschau werden beim Absenden nur die Felder geprüft.',
  'submit.disabled': 'Dieses Programm nimmt derzeit keine Leads an.',
  'submit.kept': 'Ihre Eingaben bleiben hier erhalten, bis es wieder so weit ist.',
  'submit.duplicate.email':
    'Ein Lead mit dieser E-Mail-Adresse ist in diesem Programm bereits registriert (seit {date}). Ein Lead gehört dem Partner, der ihn zuerst registriert; er kann daher nicht erneut eingereicht werden.',
  'submit.duplicate.domain':
    'Ein Lead dieses Unternehmens ist in diesem Programm bereits registriert (seit {date}). Ein Lead gehört dem Partner, der ihn zuerst registriert; er kann daher nicht erneut eingereicht werden.',
  'submit.duplicate.field': 'In diesem Programm bereits registriert',
  'submit.rateLimited':
    'Zu viele Einreichungen in kurzer Zeit. Bitte eine Minute warten und erneut versuchen.',
  'submit.failed': 'Der Lead konnte nicht eingereicht werden: {detail}',
  'submit.serverErrors': 'Einige Werte wurden vom Server nicht akzeptiert:',
  'field.yes': 'Ja',
  'field.no': 'Nein',
  'field.empty': '—',
  'field.required': 'Pflichtfeld',
};

export { FIELD_ERRORS_IT as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in Italian (loaded only when the widget speaks Italian). */
export const messages: CoreCatalog = {
  'shell.loading': 'Caricamento…',
  'shell.tabs': 'Sezioni del portale partner',
  'shell.tab.submit': 'Invia un lead',
  'shell.tab.leads': 'I miei lead',
  'shell.tab.customers': 'Clienti',
  'shell.tab.commissions': 'Commissioni',
  'shell.tab.summary': 'Programma',
  'shell.tab.messages': 'Messaggi',
  'shell.unread.one': '{count} non letto',
  'shell.unread.many': '{count} non letti',
  'shell.unread.other': '{count} non letti',
  'shell.signedInAs': 'Accesso effettuato come {name}',
  'shell.signOut': 'Esci',
  'shell.preview': 'Anteprima',
  'shell.error.notFound':
    'Impossibile trovare questo programma partner. Verifica la chiave pubblicabile (publishable-key).',
  'shell.error.origin':
    'Questo sito non è autorizzato a mostrare questo modulo. L’azienda può aggiungerlo ai siti autorizzati del programma.',
  'shell.error.missingKey': 'In questo modulo manca l’attributo publishable-key.',
  'shell.error.network': 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
  'shell.error.generic': 'Si è verificato un errore. Riprova.',
  'shell.error.sessionExpired': 'La sessione è scaduta. Accedi di nuovo.',
  'shell.retry': 'Riprova',
  'shell.viewLoadFailed':
    'Impossibile caricare questa sezione. Controlla la connessione e riprova.',
  'submit.title': 'Invia un lead',
  'submit.intro': 'I campi contrassegnati con * sono obbligatori.',
  'submit.button': 'Invia lead',
  'submit.sending': 'Invio in corso…',
  'submit.moreActions': 'Altre azioni sui lead',
  'submit.importLeads': 'Importa lead',
  'submit.importHistory': 'Visualizza cronologia importazioni',
  'submit.selectPlaceholder': 'Scegli…',
  'submit.fixErrors.one': '{count} campo da correggere.',
  'submit.fixErrors.many': '{count} di campi da correggere.',
  'submit.fixErrors.other': '{count} campi da correggere.',
  'submit.success.title': 'Lead inviato',
  'submit.success.body':
    '{name} è stato inviato a {program}. Riceverai un’email quando il suo stato cambierà.',
  'submit.success.bodyNoProgram':
    '{name} è stato inviato. Riceverai un’email quando il suo stato cambierà.',
  'submit.success.another': 'Invia un altro lead',
  'submit.success.viewLeads': 'Visualizza i miei lead',
  'submit.preview.title': 'Anteprima — non è stato inviato nulla',
  'submit.preview.body':
    'Ecco come i partner vedono il modulo. In modalità anteprima l’invio controlla solo i campi.',
  'submit.disabled': 'Al momento questo programma non accetta lead.',
  'submit.kept': 'Quello che hai scritto resta qui finché non sarà di nuovo possibile.',
  'submit.duplicate.email':
    'Un lead con questo indirizzo email è già registrato in questo programma (dal {date}). Il lead appartiene al partner che lo registra per primo, quindi non può essere inviato di nuovo.',
  'submit.duplicate.domain':
    'Un lead di questa azienda è già registrato in questo programma (dal {date}). Il lead appartiene al partner che lo registra per primo, quindi non può essere inviato di nuovo.',
  'submit.duplicate.field': 'Già registrato in questo programma',
  'submit.rateLimited': 'Troppi invii in poco tempo. Attendi un minuto e riprova.',
  'submit.failed': 'Impossibile inviare il lead: {detail}',
  'submit.serverErrors': 'Il server non ha accettato alcuni valori:',
  'field.yes': 'Sì',
  'field.no': 'No',
  'field.empty': '—',
  'field.required': 'obbligatorio',
};

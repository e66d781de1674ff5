export { FIELD_ERRORS_NL as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in Dutch (loaded only when the widget speaks Dutch). */
export const messages: CoreCatalog = {
  'shell.loading': 'Laden…',
  'shell.tabs': 'Onderdelen van het partnerportaal',
  'shell.tab.submit': 'Lead indienen',
  'shell.tab.leads': 'Mijn leads',
  'shell.tab.customers': 'Klanten',
  'shell.tab.commissions': 'Commissies',
  'shell.tab.summary': 'Programma',
  'shell.tab.messages': 'Berichten',
  'shell.unread.one': '{count} ongelezen',
  'shell.unread.other': '{count} ongelezen',
  'shell.signedInAs': 'Ingelogd als {name}',
  'shell.signOut': 'Uitloggen',
  'shell.preview': 'Voorbeeld',
  'shell.error.notFound':
    'Dit partnerprogramma is niet gevonden. Controleer de publiceerbare sleutel (publishable-key).',
  'shell.error.origin':
    'Deze website mag dit formulier niet tonen. Het bedrijf kan de website toevoegen aan de toegestane websites van het programma.',
  'shell.error.missingKey': 'Bij dit formulier ontbreekt het attribuut publishable-key.',
  'shell.error.network':
    'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'shell.error.generic': 'Er is iets misgegaan. Probeer het opnieuw.',
  'shell.error.sessionExpired': 'Je sessie is verlopen. Log opnieuw in.',
  'shell.retry': 'Opnieuw proberen',
  'shell.viewLoadFailed':
    'Dit onderdeel kon niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
  'submit.title': 'Lead indienen',
  'submit.intro': 'Velden met een * zijn verplicht.',
  'submit.button': 'Lead indienen',
  'submit.sending': 'Bezig met indienen…',
  'submit.moreActions': 'Meer acties voor leads',
  'submit.importLeads': 'Leads importeren',
  'submit.importHistory': 'Importgeschiedenis bekijken',
  'submit.selectPlaceholder': 'Kies…',
  'submit.fixErrors.one': '{count} veld moet worden aangepast.',
  'submit.fixErrors.other': '{count} velden moeten worden aangepast.',
  'submit.success.title': 'Lead ingediend',
  'submit.success.body':
    '{name} is verstuurd naar {program}. Je krijgt een e-mail zodra de status verandert.',
  'submit.success.bodyNoProgram':
    '{name} is verstuurd. Je krijgt een e-mail zodra de status verandert.',
  'submit.success.another': 'Nog een lead indienen',
  'submit.success.viewLeads': 'Mijn leads bekijken',
  'submit.preview.title': 'Voorbeeld — er is niets verstuurd',
  'submit.preview.body':
    'Zo zien partners het formulier. In de voorbeeldweergave worden bij het indienen alleen de velden gecontroleerd.',
  'submit.disabled': 'Dit programma neemt op dit moment geen leads aan.',
  'submit.kept': 'Wat je hebt ingevuld, blijft hier tot die tijd bewaard.',
  'submit.duplicate.email':
    'Er is in dit programma al een lead met dit e-mailadres geregistreerd (sinds {date}). Een lead hoort bij de partner die hem als eerste registreert, dus hij kan niet opnieuw worden ingediend.',
  'submit.duplicate.domain':
    'Er is in dit programma al een lead van dit bedrijf geregistreerd (sinds {date}). Een lead hoort bij de partner die hem als eerste registreert, dus hij kan niet opnieuw worden ingediend.',
  'submit.duplicate.field': 'Al geregistreerd in dit programma',
  'submit.rateLimited':
    'Te veel inzendingen in korte tijd. Wacht een minuut en probeer het opnieuw.',
  'submit.failed': 'De lead kon niet worden ingediend: {detail}',
  'submit.serverErrors': 'De server heeft sommige waarden niet geaccepteerd:',
  'field.yes': 'Ja',
  'field.no': 'Nee',
  'field.empty': '—',
  'field.required': 'verplicht',
};

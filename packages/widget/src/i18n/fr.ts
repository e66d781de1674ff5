export { FIELD_ERRORS_FR as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in French (loaded only when the widget speaks French). */
export const messages: CoreCatalog = {
  'shell.loading': 'Chargement…',
  'shell.tabs': 'Sections du portail partenaire',
  'shell.tab.submit': 'Soumettre un lead',
  'shell.tab.leads': 'Mes leads',
  'shell.tab.customers': 'Clients',
  'shell.tab.commissions': 'Commissions',
  'shell.tab.summary': 'Programme',
  'shell.tab.messages': 'Messages',
  'shell.unread.one': '{count} non lu',
  'shell.unread.many': '{count} non lus',
  'shell.unread.other': '{count} non lus',
  'shell.signedInAs': 'Connecté en tant que {name}',
  'shell.signOut': 'Se déconnecter',
  'shell.preview': 'Aperçu',
  'shell.error.notFound':
    'Ce programme partenaire est introuvable. Vérifiez la clé publiable (publishable-key).',
  'shell.error.origin':
    'Ce site n’est pas autorisé à afficher ce formulaire. L’entreprise peut l’ajouter aux sites autorisés du programme.',
  'shell.error.missingKey': 'Il manque l’attribut publishable-key à ce formulaire.',
  'shell.error.network': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'shell.error.generic': 'Une erreur s’est produite. Veuillez réessayer.',
  'shell.error.sessionExpired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'shell.retry': 'Réessayer',
  'shell.viewLoadFailed':
    'Cette section n’a pas pu être chargée. Vérifiez votre connexion et réessayez.',
  'submit.title': 'Soumettre un lead',
  'submit.intro': 'Les champs marqués d’un * sont obligatoires.',
  'submit.button': 'Soumettre le lead',
  'submit.sending': 'Envoi en cours…',
  'submit.moreActions': 'Autres actions sur les leads',
  'submit.importLeads': 'Importer des leads',
  'submit.importHistory': 'Voir l’historique des imports',
  'submit.selectPlaceholder': 'Choisir…',
  'submit.fixErrors.one': '{count} champ doit être corrigé.',
  'submit.fixErrors.many': '{count} de champs doivent être corrigés.',
  'submit.fixErrors.other': '{count} champs doivent être corrigés.',
  'submit.success.title': 'Lead soumis',
  'submit.success.body':
    '{name} a été transmis à {program}. Vous recevrez un e-mail dès que son statut changera.',
  'submit.success.bodyNoProgram':
    '{name} a été transmis. Vous recevrez un e-mail dès que son statut changera.',
  'submit.success.another': 'Soumettre un autre lead',
  'submit.success.viewLeads': 'Voir mes leads',
  'submit.preview.title': 'Aperçu — rien n’a été envoyé',
  'submit.preview.body':
    'Voici le formulaire tel que le voient les partenaires. En mode aperçu, l’envoi vérifie seulement les champs.',
  'submit.disabled': 'Ce programme n’accepte pas de leads pour le moment.',
  'submit.kept': 'Ce que vous avez saisi est conservé ici en attendant.',
  'submit.duplicate.email':
    'Un lead avec cette adresse e-mail est déjà enregistré dans ce programme (depuis le {date}). Le lead appartient au premier partenaire qui l’enregistre : il ne peut donc pas être soumis à nouveau.',
  'submit.duplicate.domain':
    'Un lead de cette entreprise est déjà enregistré dans ce programme (depuis le {date}). Le lead appartient au premier partenaire qui l’enregistre : il ne peut donc pas être soumis à nouveau.',
  'submit.duplicate.field': 'Déjà enregistré dans ce programme',
  'submit.rateLimited': 'Trop d’envois en peu de temps. Patientez une minute, puis réessayez.',
  'submit.failed': 'Le lead n’a pas pu être soumis : {detail}',
  'submit.serverErrors': 'Le serveur a refusé certaines valeurs :',
  'field.yes': 'Oui',
  'field.no': 'Non',
  'field.empty': '—',
  'field.required': 'obligatoire',
};

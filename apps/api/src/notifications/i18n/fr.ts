import type { EmailCatalog } from './en';

export const fr: EmailCatalog = {
  'frame.greeting': 'Bonjour {name},',
  'frame.footer':
    'Vous recevez cet e-mail (« {kind} ») en tant que partenaire de {company} ({program}).',
  'frame.unsubscribe': 'Se désabonner de « {kind} »',
  'kind.lead_stage': 'Statut des leads',
  'kind.import_completed': 'Résultats d’import',
  'kind.commission': 'Suivi des commissions',
  'kind.message': 'Nouveaux messages',

  'fact.lead': 'Lead',
  'fact.email': 'E-mail',
  'fact.company': 'Entreprise',

  'leadStage.subject': '{lead} est maintenant au statut « {status} » – {program}',
  'leadStage.body':
    'Le statut d’un lead que vous avez soumis à {program} est passé à « {status} ».',
  'leadStage.previous': 'Statut précédent',
  'leadStage.new': 'Nouveau statut',
  'leadStage.action': 'Voir vos leads',
  'leadStage.earnedFlat':
    'Vous avez gagné {amount} pour ce lead au statut « {stage} ». {company} approuve les commissions avant de les verser ; vous pouvez suivre les vôtres dans l’onglet Commissions.',
  'leadStage.earnedPercent.one':
    'Vous gagnez aussi {percent} de chaque paiement que {lead} effectuera au cours du mois prochain.',
  'leadStage.earnedPercent.many':
    'Vous gagnez aussi {percent} de chaque paiement que {lead} effectuera au cours des {count} prochains mois.',
  'leadStage.earnedPercent.other':
    'Vous gagnez aussi {percent} de chaque paiement que {lead} effectuera au cours des {count} prochains mois.',
  'leadStage.earnedPercentForever':
    'Vous gagnez aussi {percent} de chaque paiement que {lead} effectuera, tant que la relation client se poursuivra.',

  'import.failedSubject': 'Votre import de {file} n’a pas pu être traité',
  'import.failedBody':
    'Nous n’avons pas pu importer {file} dans {program}. Aucun lead de ce fichier n’a été soumis.',
  'import.subject': 'Votre import de {file} est terminé : {submitted}',
  'import.subjectWithProblems': 'Votre import de {file} est terminé : {submitted}, {attention}',
  'import.submitted.one': '{count} lead soumis',
  'import.submitted.many': '{count} de leads soumis',
  'import.submitted.other': '{count} leads soumis',
  'import.attention.one': '{count} ligne à vérifier',
  'import.attention.many': '{count} de lignes à vérifier',
  'import.attention.other': '{count} lignes à vérifier',
  'import.body': 'Votre import de leads dans {program} est terminé.',
  'import.fact.file': 'Fichier',
  'import.fact.rows': 'Lignes dans le fichier',
  'import.fact.imported': 'Leads soumis',
  'import.fact.duplicates': 'Doublons (non soumis)',
  'import.fact.failed': 'Lignes en erreur',
  'import.errorFile':
    'Téléchargez le CSV d’erreurs depuis votre historique des imports : il liste chaque ligne non soumise avec la raison, pour que vous puissiez la corriger et l’importer à nouveau.',
  'import.action': 'Ouvrir l’historique des imports',

  'commission.subjectApproved': 'Commission approuvée : {amount} pour {lead} – {program}',
  'commission.subjectPaid': 'Commission versée : {amount} pour {lead} – {program}',
  'commission.approved':
    '{company} a approuvé une commission de {amount}. Elle sera versée selon les conditions du programme.',
  'commission.paid': '{company} vous a versé une commission de {amount}.',
  'commission.fact.commission': 'Commission',
  'commission.fact.amount': 'Montant',
  'commission.action': 'Voir vos commissions',

  'message.subject': 'Nouveau message de {company} : {subject}',
  'message.body': '{author} de {company} vous a envoyé un message.',
  'message.bodyAboutLead':
    '{author} de {company} vous a envoyé un message au sujet du lead {lead}.',
  'message.action': 'Lire et répondre',

  'invite.subjectOne': 'Vous êtes désormais partenaire de {program}',
  'invite.subject': '{company} vous a ajouté comme partenaire',
  'invite.enrolled': '{company} vous a inscrit à {programs}.',
  'invite.added': '{company} vous a ajouté comme partenaire.',
  'invite.submitHere': 'Soumettez vos leads à {program} ici :',
  'invite.offer': 'Ce que vous gagnez avec {program} : {offer}',
  'invite.signIn':
    'Connectez-vous avec cette adresse e-mail ({email}) : vous recevrez un code à usage unique par e-mail, sans mot de passe.',
  'invite.about':
    'Vous pourrez y soumettre des leads un par un ou importer un fichier CSV, suivre le statut de chaque lead soumis et voir les clients et les commissions qu’ils vous rapportent. Nous vous écrirons dès qu’un de vos leads progresse.',
  'invite.signature': '— {company}',
  'invite.footer': 'Vous recevez cet e-mail parce que {company} vous a ajouté comme partenaire.',

  'signIn.subject': '{code} est votre code de connexion à {program}',
  'signIn.body': 'Votre code de connexion à {program} :',
  'signIn.expires.one':
    'Il expire dans {count} minute et ne fonctionne qu’une fois. Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut se connecter sans ce code.',
  'signIn.expires.many':
    'Il expire dans {count} de minutes et ne fonctionne qu’une fois. Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut se connecter sans ce code.',
  'signIn.expires.other':
    'Il expire dans {count} minutes et ne fonctionne qu’une fois. Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut se connecter sans ce code.',
  'signIn.footer':
    'Vous recevez cet e-mail parce que quelqu’un a demandé à se connecter à {program} ({company}) avec cette adresse.',

  'apply.subject': '{code} confirme votre candidature à {program}',
  'apply.body':
    'Saisissez ce code pour confirmer votre adresse e-mail et envoyer votre candidature à {program} :',
  'apply.footer':
    'Vous recevez cet e-mail parce que quelqu’un a postulé à {program} ({company}) avec cette adresse.',
  'approved.subject': 'Bienvenue dans {program} : votre candidature est acceptée',
  'approved.intro': '{company} a accepté votre candidature et vous a inscrit à {programs}.',
  'declined.subject': 'Votre candidature à {program}',
  'declined.body':
    'Merci d’avoir postulé à {program}. {company} a décidé de ne pas donner suite à votre candidature pour le moment.',
  'declined.closing': 'Merci de l’intérêt que vous portez à {company}.',

  'unsubscribe.title': 'Désabonnement',
  'unsubscribe.question': 'Se désabonner de « {kind} » ?',
  'unsubscribe.explain':
    'Vous ne recevrez plus d’e-mails « {kind} » de {company}. Les autres e-mails ne sont pas concernés.',
  'unsubscribe.button': 'Se désabonner',
  'unsubscribe.doneTitle': 'Désabonnement confirmé',
  'unsubscribe.done': 'Vous êtes désabonné',
  'unsubscribe.doneExplain': 'Vous ne recevrez plus d’e-mails « {kind} » de {company}.',

  'portal.tag': 'Portail partenaire',
  'portal.intro':
    'Soumettez les leads que vous apportez à {company}, suivez chacun d’eux tout au long du processus de vente et voyez ce que vous gagnez.',
  'portal.description': 'Le portail partenaire de {company} : soumettez vos leads et suivez-les.',
  'portal.note':
    'Pas encore partenaire ? Demandez à {company} de vous inviter. Les partenaires se connectent avec un code à usage unique envoyé à l’adresse qui a reçu leur invitation.',
  'portal.noteOpen':
    'Pas encore partenaire ? Postulez à {program} : {company} vous écrira dès que votre candidature aura été examinée.',
  'portal.apply': 'Postuler',
  'portal.noscript':
    'Ce portail a besoin de JavaScript pour afficher le formulaire. Activez-le pour cette page, puis rechargez-la.',
  'portal.footer': 'Portail partenaire de {company} · propulsé par Leadbridge',
  'portal.notFoundTitle': 'Portail partenaire introuvable',
  'portal.notFound': 'Ce portail partenaire n’existe pas',
  'portal.notFoundExplain':
    'L’adresse contient peut-être une faute de frappe, ou l’entreprise a fermé ce programme. Demandez le lien actuel à l’entreprise qui vous a invité.',
};

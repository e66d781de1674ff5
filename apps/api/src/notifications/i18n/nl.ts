import type { EmailCatalog } from './en';

export const nl: EmailCatalog = {
  'frame.greeting': 'Hallo {name},',
  'frame.footer': 'Je ontvangt deze e-mail (‘{kind}’) als partner van {company} ({program}).',
  'frame.unsubscribe': 'Afmelden voor ‘{kind}’',
  'kind.lead_stage': 'Statusupdates van leads',
  'kind.import_completed': 'Importresultaten',
  'kind.commission': 'Commissie-updates',
  'kind.message': 'Nieuwe berichten',

  'fact.lead': 'Lead',
  'fact.email': 'E-mail',
  'fact.company': 'Bedrijf',

  'leadStage.subject': '{lead} heeft nu de status ‘{status}’ – {program}',
  'leadStage.body':
    'De status van een lead die je bij {program} hebt ingediend, is gewijzigd in ‘{status}’.',
  'leadStage.previous': 'Vorige status',
  'leadStage.new': 'Nieuwe status',
  'leadStage.action': 'Je leads bekijken',
  'leadStage.earnedFlat':
    'Je hebt {amount} verdiend met deze lead in ‘{stage}’. {company} keurt commissies goed voordat ze worden uitbetaald; je kunt die van jou volgen onder Commissies.',
  'leadStage.earnedPercent.one':
    'Daarnaast verdien je {percent} van elke betaling die {lead} de komende maand doet.',
  'leadStage.earnedPercent.other':
    'Daarnaast verdien je {percent} van elke betaling die {lead} de komende {count} maanden doet.',
  'leadStage.earnedPercentForever':
    'Daarnaast verdien je {percent} van elke betaling die {lead} doet, zolang de klantrelatie duurt.',

  'import.failedSubject': 'Je import van {file} kon niet worden verwerkt',
  'import.failedBody':
    'We konden {file} niet importeren in {program}. Er zijn geen leads uit dit bestand ingediend.',
  'import.subject': 'Je import van {file} is klaar: {submitted}',
  'import.subjectWithProblems': 'Je import van {file} is klaar: {submitted}, {attention}',
  'import.submitted.one': '{count} lead ingediend',
  'import.submitted.other': '{count} leads ingediend',
  'import.attention.one': '{count} rij vraagt aandacht',
  'import.attention.other': '{count} rijen vragen aandacht',
  'import.body': 'Je import van leads in {program} is voltooid.',
  'import.fact.file': 'Bestand',
  'import.fact.rows': 'Rijen in het bestand',
  'import.fact.imported': 'Ingediende leads',
  'import.fact.duplicates': 'Dubbele leads (niet ingediend)',
  'import.fact.failed': 'Rijen met fouten',
  'import.errorFile':
    'Download de fouten-CSV uit je importgeschiedenis: daarin staat elke rij die niet is ingediend, met de reden, zodat je die kunt corrigeren en opnieuw kunt importeren.',
  'import.action': 'Importgeschiedenis openen',

  'commission.subjectApproved': 'Commissie goedgekeurd: {amount} voor {lead} – {program}',
  'commission.subjectPaid': 'Commissie uitbetaald: {amount} voor {lead} – {program}',
  'commission.approved':
    '{company} heeft een commissie van {amount} goedgekeurd. Die wordt uitbetaald volgens de voorwaarden van het programma.',
  'commission.paid': '{company} heeft je een commissie van {amount} uitbetaald.',
  'commission.fact.commission': 'Commissie',
  'commission.fact.amount': 'Bedrag',
  'commission.action': 'Je commissies bekijken',

  'message.subject': 'Nieuw bericht van {company}: {subject}',
  'message.body': '{author} van {company} heeft je een bericht gestuurd.',
  'message.bodyAboutLead':
    '{author} van {company} heeft je een bericht gestuurd over de lead {lead}.',
  'message.action': 'Lezen en beantwoorden',

  'invite.subjectOne': 'Je bent nu partner van {program}',
  'invite.subject': '{company} heeft je als partner toegevoegd',
  'invite.enrolled': '{company} heeft je aangemeld voor {programs}.',
  'invite.added': '{company} heeft je als partner toegevoegd.',
  'invite.submitHere': 'Dien hier leads in bij {program}:',
  'invite.offer': 'Wat je verdient bij {program}: {offer}',
  'invite.signIn':
    'Log daar in met dit e-mailadres ({email}): je krijgt een eenmalige code per e-mail, een wachtwoord is niet nodig.',
  'invite.about':
    'Daar kun je leads één voor één indienen of een CSV-bestand importeren, de status volgen van elke lead die je hebt ingediend, en de klanten en commissies zien die ze je opleveren. We mailen je zodra een lead die je hebt ingediend een stap verder is.',
  'invite.signature': '— {company}',
  'invite.footer': 'Je ontvangt deze e-mail omdat {company} je als partner heeft toegevoegd.',

  'signIn.subject': '{code} is je inlogcode voor {program}',
  'signIn.body': 'Je code om in te loggen bij {program} is:',
  'signIn.expires.one':
    'De code verloopt over {count} minuut en werkt maar één keer. Heb je hier niet om gevraagd? Negeer deze e-mail dan: zonder de code kan niemand inloggen.',
  'signIn.expires.other':
    'De code verloopt over {count} minuten en werkt maar één keer. Heb je hier niet om gevraagd? Negeer deze e-mail dan: zonder de code kan niemand inloggen.',
  'signIn.footer':
    'Je ontvangt deze e-mail omdat iemand met dit adres heeft gevraagd om in te loggen bij {program} ({company}).',

  'apply.subject': '{code} bevestigt je aanmelding bij {program}',
  'apply.body':
    'Voer deze code in om je e-mailadres te bevestigen en je aanmelding naar {program} te sturen:',
  'apply.footer':
    'Je ontvangt deze e-mail omdat iemand zich met dit adres heeft aangemeld bij {program} ({company}).',
  'approved.subject': 'Welkom bij {program}: je aanmelding is goedgekeurd',
  'approved.intro': '{company} heeft je aanmelding goedgekeurd en je ingeschreven bij {programs}.',
  'declined.subject': 'Je aanmelding bij {program}',
  'declined.body':
    'Bedankt voor je aanmelding bij {program}. {company} heeft besloten je aanmelding op dit moment niet verder te behandelen.',
  'declined.closing': 'Bedankt voor je interesse in een samenwerking met {company}.',

  'unsubscribe.title': 'Afmelden',
  'unsubscribe.question': 'Afmelden voor ‘{kind}’?',
  'unsubscribe.explain':
    'Je ontvangt dan geen e-mails over ‘{kind}’ meer van {company}. Andere e-mails blijven gewoon komen.',
  'unsubscribe.button': 'Afmelden',
  'unsubscribe.doneTitle': 'Afgemeld',
  'unsubscribe.done': 'Je bent afgemeld',
  'unsubscribe.doneExplain': 'Je ontvangt geen e-mails over ‘{kind}’ meer van {company}.',

  'portal.tag': 'Partnerportaal',
  'portal.intro':
    'Dien de leads in die je aan {company} aanbrengt, volg elke lead door het verkoopproces en zie wat je verdient.',
  'portal.description': 'Het partnerportaal van {company}: leads indienen en volgen.',
  'portal.note':
    'Nog geen partner? Vraag {company} om je uit te nodigen. Partners loggen in met een eenmalige code die naar het adres van hun uitnodiging wordt gestuurd.',
  'portal.noteOpen':
    'Nog geen partner? Meld je aan bij {program}: {company} mailt je zodra je aanmelding is bekeken.',
  'portal.apply': 'Aanmelden',
  'portal.noscript':
    'Dit portaal heeft JavaScript nodig om het formulier te tonen. Zet het aan voor deze pagina en laad de pagina opnieuw.',
  'portal.footer': 'Partnerportaal van {company} · mogelijk gemaakt door Leadbridge',
  'portal.notFoundTitle': 'Partnerportaal niet gevonden',
  'portal.notFound': 'Dit partnerportaal bestaat niet',
  'portal.notFoundExplain':
    'Misschien is het adres verkeerd getypt, of heeft het bedrijf dit programma gesloten. Vraag het bedrijf dat je heeft uitgenodigd om de actuele link.',
};

import type { EmailCatalog } from './en';

export const de: EmailCatalog = {
  'frame.greeting': 'Hallo {name},',
  'frame.footer': 'Sie erhalten diese E-Mail („{kind}“) als Partner von {company} ({program}).',
  'frame.unsubscribe': '„{kind}“ abbestellen',
  'kind.lead_stage': 'Lead-Statusänderungen',
  'kind.import_completed': 'Importergebnisse',
  'kind.commission': 'Provisionsmitteilungen',
  'kind.message': 'Neue Nachrichten',

  'fact.lead': 'Lead',
  'fact.email': 'E-Mail',
  'fact.company': 'Unternehmen',

  'leadStage.subject': '{lead} ist jetzt „{status}“ – {program}',
  'leadStage.body':
    'Der Status eines Leads, den Sie bei {program} eingereicht haben, ist jetzt „{status}“.',
  'leadStage.previous': 'Bisheriger Status',
  'leadStage.new': 'Neuer Status',
  'leadStage.action': 'Ihre Leads ansehen',
  'leadStage.earnedFlat':
    'Für diesen Lead in der Phase „{stage}“ haben Sie {amount} verdient. {company} gibt Provisionen frei, bevor sie ausgezahlt werden; Sie können Ihre unter „Provisionen“ verfolgen.',
  'leadStage.earnedPercent.one':
    'Außerdem erhalten Sie {percent} jeder Zahlung, die {lead} im nächsten Monat leistet.',
  'leadStage.earnedPercent.other':
    'Außerdem erhalten Sie {percent} jeder Zahlung, die {lead} in den nächsten {count} Monaten leistet.',
  'leadStage.earnedPercentForever':
    'Außerdem erhalten Sie {percent} jeder Zahlung, die {lead} leistet – für die gesamte Dauer der Kundenbeziehung.',

  'import.failedSubject': 'Ihr Import von {file} konnte nicht verarbeitet werden',
  'import.failedBody':
    'Wir konnten {file} nicht in {program} importieren. Aus dieser Datei wurden keine Leads eingereicht.',
  'import.subject': 'Ihr Import von {file} ist fertig: {submitted}',
  'import.subjectWithProblems': 'Ihr Import von {file} ist fertig: {submitted}, {attention}',
  'import.submitted.one': '{count} Lead eingereicht',
  'import.submitted.other': '{count} Leads eingereicht',
  'import.attention.one': '{count} Zeile muss geprüft werden',
  'import.attention.other': '{count} Zeilen müssen geprüft werden',
  'import.body': 'Ihr Lead-Import in {program} ist abgeschlossen.',
  'import.fact.file': 'Datei',
  'import.fact.rows': 'Zeilen in der Datei',
  'import.fact.imported': 'Eingereichte Leads',
  'import.fact.duplicates': 'Duplikate (nicht eingereicht)',
  'import.fact.failed': 'Zeilen mit Fehlern',
  'import.errorFile':
    'Laden Sie die Fehler-CSV aus Ihrem Importverlauf herunter: Sie enthält jede nicht eingereichte Zeile mit dem Grund, sodass Sie sie korrigieren und erneut importieren können.',
  'import.action': 'Importverlauf öffnen',

  'commission.subjectApproved': 'Provision freigegeben: {amount} für {lead} – {program}',
  'commission.subjectPaid': 'Provision ausgezahlt: {amount} für {lead} – {program}',
  'commission.approved':
    '{company} hat eine Provision von {amount} freigegeben. Sie wird gemäß den Bedingungen des Programms ausgezahlt.',
  'commission.paid': '{company} hat Ihnen eine Provision von {amount} ausgezahlt.',
  'commission.fact.commission': 'Provision',
  'commission.fact.amount': 'Betrag',
  'commission.action': 'Ihre Provisionen ansehen',

  'message.subject': 'Neue Nachricht von {company}: {subject}',
  'message.body': '{author} von {company} hat Ihnen eine Nachricht geschickt.',
  'message.bodyAboutLead':
    '{author} von {company} hat Ihnen eine Nachricht zum Lead {lead} geschickt.',
  'message.action': 'Lesen und antworten',

  'invite.subjectOne': 'Sie sind jetzt Partner von {program}',
  'invite.subject': '{company} hat Sie als Partner hinzugefügt',
  'invite.enrolled': '{company} hat Sie in {programs} aufgenommen.',
  'invite.added': '{company} hat Sie als Partner hinzugefügt.',
  'invite.submitHere': 'Hier reichen Sie Leads bei {program} ein:',
  'invite.offer': 'Ihre Vergütung bei {program}: {offer}',
  'invite.signIn':
    'Melden Sie sich dort mit dieser E-Mail-Adresse ({email}) an: Sie erhalten einen Einmalcode per E-Mail, ein Passwort ist nicht nötig.',
  'invite.about':
    'Dort können Sie Leads einzeln einreichen oder eine CSV-Datei importieren, den Status jedes eingereichten Leads verfolgen und die Kunden und Provisionen sehen, die Ihnen Ihre Leads einbringen. Wir benachrichtigen Sie per E-Mail, sobald ein von Ihnen eingereichter Lead vorankommt.',
  'invite.signature': '— {company}',
  'invite.footer': 'Sie erhalten diese E-Mail, weil {company} Sie als Partner hinzugefügt hat.',

  'signIn.subject': '{code} ist Ihr Anmeldecode für {program}',
  'signIn.body': 'Ihr Code für die Anmeldung bei {program}:',
  'signIn.expires.one':
    'Er ist {count} Minute gültig und funktioniert nur einmal. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code kann sich niemand anmelden.',
  'signIn.expires.other':
    'Er ist {count} Minuten gültig und funktioniert nur einmal. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code kann sich niemand anmelden.',
  'signIn.footer':
    'Sie erhalten diese E-Mail, weil jemand mit dieser Adresse die Anmeldung bei {program} ({company}) angefordert hat.',

  'apply.subject': '{code} bestätigt Ihre Bewerbung bei {program}',
  'apply.body':
    'Geben Sie diesen Code ein, um Ihre E-Mail-Adresse zu bestätigen und Ihre Bewerbung an {program} zu senden:',
  'apply.footer':
    'Sie erhalten diese E-Mail, weil sich jemand mit dieser Adresse bei {program} ({company}) beworben hat.',
  'approved.subject': 'Willkommen bei {program}: Ihre Bewerbung wurde angenommen',
  'approved.intro': '{company} hat Ihre Bewerbung angenommen und Sie in {programs} aufgenommen.',
  'declined.subject': 'Ihre Bewerbung bei {program}',
  'declined.body':
    'Vielen Dank für Ihre Bewerbung bei {program}. {company} hat entschieden, Ihre Bewerbung derzeit nicht weiterzuverfolgen.',
  'declined.closing': 'Vielen Dank für Ihr Interesse an einer Zusammenarbeit mit {company}.',

  'unsubscribe.title': 'Abbestellen',
  'unsubscribe.question': '„{kind}“ abbestellen?',
  'unsubscribe.explain':
    'Sie erhalten von {company} keine E-Mails der Art „{kind}“ mehr. Andere E-Mails sind davon nicht betroffen.',
  'unsubscribe.button': 'Abbestellen',
  'unsubscribe.doneTitle': 'Abbestellt',
  'unsubscribe.done': 'Abbestellung bestätigt',
  'unsubscribe.doneExplain': 'Sie erhalten von {company} keine E-Mails der Art „{kind}“ mehr.',

  'portal.tag': 'Partnerportal',
  'portal.intro':
    'Reichen Sie die Leads ein, die Sie {company} vermitteln, verfolgen Sie jeden einzelnen durch den Vertriebsprozess und sehen Sie, was Sie verdienen.',
  'portal.description': 'Das Partnerportal von {company}: Leads einreichen und verfolgen.',
  'portal.note':
    'Noch kein Partner? Bitten Sie {company}, Sie einzuladen. Partner melden sich mit einem Einmalcode an, der an die Adresse ihrer Einladung gesendet wird.',
  'portal.noteOpen':
    'Noch kein Partner? Bewerben Sie sich bei {program}: {company} meldet sich per E-Mail, sobald Ihre Bewerbung geprüft ist.',
  'portal.apply': 'Jetzt bewerben',
  'portal.noscript':
    'Dieses Portal benötigt JavaScript, um das Formular anzuzeigen. Aktivieren Sie es für diese Seite und laden Sie sie neu.',
  'portal.footer': 'Partnerportal von {company} · bereitgestellt von Leadbridge',
  'portal.notFoundTitle': 'Partnerportal nicht gefunden',
  'portal.notFound': 'Dieses Partnerportal gibt es nicht',
  'portal.notFoundExplain':
    'Die Adresse ist vielleicht falsch geschrieben, oder das Unternehmen hat dieses Programm beendet. Fragen Sie das Unternehmen, das Sie eingeladen hat, nach dem aktuellen Link.',
};

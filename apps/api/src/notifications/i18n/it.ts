import type { EmailCatalog } from './en';

export const it: EmailCatalog = {
  'frame.greeting': 'Ciao {name},',
  'frame.footer': 'Ricevi questa email («{kind}») come partner di {company} ({program}).',
  'frame.unsubscribe': 'Annulla l’iscrizione a «{kind}»',
  'kind.lead_stage': 'Stato dei lead',
  'kind.import_completed': 'Risultati delle importazioni',
  'kind.commission': 'Commissioni',
  'kind.message': 'Nuovi messaggi',

  'fact.lead': 'Lead',
  'fact.email': 'Email',
  'fact.company': 'Azienda',

  'leadStage.subject': '{lead} ora è «{status}» – {program}',
  'leadStage.body': 'Lo stato di un lead che hai inviato a {program} è cambiato in «{status}».',
  'leadStage.previous': 'Stato precedente',
  'leadStage.new': 'Nuovo stato',
  'leadStage.action': 'Vedi i tuoi lead',
  'leadStage.earnedFlat':
    'Hai guadagnato {amount} per questo lead in «{stage}». {company} approva le commissioni prima di pagarle; puoi seguire le tue nella sezione Commissioni.',
  'leadStage.earnedPercent.one':
    'Guadagni inoltre il {percent} di ogni pagamento che {lead} effettuerà nel prossimo mese.',
  'leadStage.earnedPercent.many':
    'Guadagni inoltre il {percent} di ogni pagamento che {lead} effettuerà nei prossimi {count} mesi.',
  'leadStage.earnedPercent.other':
    'Guadagni inoltre il {percent} di ogni pagamento che {lead} effettuerà nei prossimi {count} mesi.',
  'leadStage.earnedPercentForever':
    'Guadagni inoltre il {percent} di ogni pagamento che {lead} effettuerà finché resterà cliente.',

  'import.failedSubject': 'Impossibile elaborare l’importazione di {file}',
  'import.failedBody':
    'Non è stato possibile importare {file} in {program}. Nessun lead di questo file è stato inviato.',
  'import.subject': 'L’importazione di {file} è completata: {submitted}',
  'import.subjectWithProblems': 'L’importazione di {file} è completata: {submitted}, {attention}',
  'import.submitted.one': '{count} lead inviato',
  'import.submitted.many': '{count} di lead inviati',
  'import.submitted.other': '{count} lead inviati',
  'import.attention.one': '{count} riga da controllare',
  'import.attention.many': '{count} di righe da controllare',
  'import.attention.other': '{count} righe da controllare',
  'import.body': 'L’importazione di lead in {program} è terminata.',
  'import.fact.file': 'File',
  'import.fact.rows': 'Righe nel file',
  'import.fact.imported': 'Lead inviati',
  'import.fact.duplicates': 'Duplicati (non inviati)',
  'import.fact.failed': 'Righe con errori',
  'import.errorFile':
    'Scarica il CSV degli errori dalla cronologia importazioni: elenca ogni riga non inviata con il motivo, così puoi correggerla e importarla di nuovo.',
  'import.action': 'Apri la cronologia importazioni',

  'commission.subjectApproved': 'Commissione approvata: {amount} per {lead} – {program}',
  'commission.subjectPaid': 'Commissione pagata: {amount} per {lead} – {program}',
  'commission.approved':
    '{company} ha approvato una commissione di {amount}. Verrà pagata secondo le condizioni del programma.',
  'commission.paid': '{company} ti ha pagato una commissione di {amount}.',
  'commission.fact.commission': 'Commissione',
  'commission.fact.amount': 'Importo',
  'commission.action': 'Vedi le tue commissioni',

  'message.subject': 'Nuovo messaggio da {company}: {subject}',
  'message.body': '{author} di {company} ti ha inviato un messaggio.',
  'message.bodyAboutLead': '{author} di {company} ti ha inviato un messaggio sul lead {lead}.',
  'message.action': 'Leggi e rispondi',

  'invite.subjectOne': 'Ora sei partner di {program}',
  'invite.subject': '{company} ti ha aggiunto come partner',
  'invite.enrolled': '{company} ti ha iscritto a {programs}.',
  'invite.added': '{company} ti ha aggiunto come partner.',
  'invite.submitHere': 'Invia i lead a {program} qui:',
  'invite.offer': 'Quanto guadagni con {program}: {offer}',
  'invite.signIn':
    'Accedi lì con questo indirizzo email ({email}): riceverai via email un codice monouso, senza bisogno di password.',
  'invite.about':
    'Lì puoi inviare lead uno alla volta o importare un file CSV, seguire lo stato di ogni lead inviato e vedere i clienti e le commissioni che ti portano. Ti scriveremo quando un lead che hai inviato farà un passo avanti.',
  'invite.signature': '— {company}',
  'invite.footer': 'Ricevi questa email perché {company} ti ha aggiunto come partner.',

  'signIn.subject': '{code} è il tuo codice di accesso a {program}',
  'signIn.body': 'Il tuo codice per accedere a {program} è:',
  'signIn.expires.one':
    'Scade tra {count} minuto e si può usare una sola volta. Se non l’hai richiesto, ignora questa email: nessuno può accedere senza il codice.',
  'signIn.expires.many':
    'Scade tra {count} di minuti e si può usare una sola volta. Se non l’hai richiesto, ignora questa email: nessuno può accedere senza il codice.',
  'signIn.expires.other':
    'Scade tra {count} minuti e si può usare una sola volta. Se non l’hai richiesto, ignora questa email: nessuno può accedere senza il codice.',
  'signIn.footer':
    'Ricevi questa email perché qualcuno ha chiesto di accedere a {program} ({company}) con questo indirizzo.',

  'apply.subject': '{code} conferma la tua candidatura a {program}',
  'apply.body':
    'Inserisci questo codice per confermare il tuo indirizzo email e inviare la tua candidatura a {program}:',
  'apply.footer':
    'Ricevi questa email perché qualcuno si è candidato a {program} ({company}) con questo indirizzo.',
  'approved.subject': 'Benvenuto in {program}: la tua candidatura è stata approvata',
  'approved.intro': '{company} ha approvato la tua candidatura e ti ha iscritto a {programs}.',
  'declined.subject': 'La tua candidatura a {program}',
  'declined.body':
    'Grazie per esserti candidato a {program}. {company} ha deciso di non proseguire con la tua candidatura per ora.',
  'declined.closing': 'Grazie per l’interesse a collaborare con {company}.',

  'unsubscribe.title': 'Annulla iscrizione',
  'unsubscribe.question': 'Vuoi annullare l’iscrizione a «{kind}»?',
  'unsubscribe.explain':
    'Non riceverai più email di tipo «{kind}» da {company}. Le altre email non cambiano.',
  'unsubscribe.button': 'Annulla iscrizione',
  'unsubscribe.doneTitle': 'Iscrizione annullata',
  'unsubscribe.done': 'La tua iscrizione è stata annullata',
  'unsubscribe.doneExplain': 'Non riceverai più email di tipo «{kind}» da {company}.',

  'portal.tag': 'Portale partner',
  'portal.intro':
    'Invia i lead che porti a {company}, seguine ognuno lungo tutto il processo di vendita e scopri quanto guadagni.',
  'portal.description': 'Il portale partner di {company}: invia i lead e seguili.',
  'portal.note':
    'Non sei ancora partner? Chiedi a {company} di invitarti. I partner accedono con un codice monouso inviato all’indirizzo a cui è arrivato l’invito.',
  'portal.noteOpen':
    'Non sei ancora partner? Candidati a {program}: {company} ti scriverà appena avrà valutato la tua candidatura.',
  'portal.apply': 'Candidati',
  'portal.noscript':
    'Questo portale ha bisogno di JavaScript per mostrare il modulo. Attivalo per questa pagina e ricaricala.',
  'portal.footer': 'Portale partner di {company} · realizzato con Leadbridge',
  'portal.notFoundTitle': 'Portale partner non trovato',
  'portal.notFound': 'Questo portale partner non esiste',
  'portal.notFoundExplain':
    'L’indirizzo potrebbe contenere un errore di battitura, oppure l’azienda ha chiuso questo programma. Chiedi il link aggiornato all’azienda che ti ha invitato.',
};

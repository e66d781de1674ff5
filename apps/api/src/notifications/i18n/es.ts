import type { EmailCatalog } from './en';

export const es: EmailCatalog = {
  'frame.greeting': 'Hola, {name}:',
  'frame.footer': 'Recibes este correo («{kind}») como partner de {company} ({program}).',
  'frame.unsubscribe': 'Darse de baja de «{kind}»',
  'kind.lead_stage': 'Estado de los leads',
  'kind.import_completed': 'Resultados de importación',
  'kind.commission': 'Comisiones',
  'kind.message': 'Mensajes nuevos',

  'fact.lead': 'Lead',
  'fact.email': 'Correo electrónico',
  'fact.company': 'Empresa',

  'leadStage.subject': '{lead} ahora está en «{status}» – {program}',
  'leadStage.body': 'El estado de un lead que enviaste a {program} ha cambiado a «{status}».',
  'leadStage.previous': 'Estado anterior',
  'leadStage.new': 'Estado nuevo',
  'leadStage.action': 'Ver tus leads',
  'leadStage.earnedFlat':
    'Has ganado {amount} por este lead en «{stage}». {company} aprueba las comisiones antes de pagarlas; puedes seguir las tuyas en Comisiones.',
  'leadStage.earnedPercent.one':
    'Además, ganas el {percent} de cada pago que haga {lead} durante el próximo mes.',
  'leadStage.earnedPercent.many':
    'Además, ganas el {percent} de cada pago que haga {lead} durante los próximos {count} meses.',
  'leadStage.earnedPercent.other':
    'Además, ganas el {percent} de cada pago que haga {lead} durante los próximos {count} meses.',
  'leadStage.earnedPercentForever':
    'Además, ganas el {percent} de cada pago que haga {lead} mientras siga siendo cliente.',

  'import.failedSubject': 'No se ha podido procesar tu importación de {file}',
  'import.failedBody':
    'No hemos podido importar {file} en {program}. No se ha enviado ningún lead de este archivo.',
  'import.subject': 'Tu importación de {file} ha terminado: {submitted}',
  'import.subjectWithProblems': 'Tu importación de {file} ha terminado: {submitted}, {attention}',
  'import.submitted.one': '{count} lead enviado',
  'import.submitted.many': '{count} de leads enviados',
  'import.submitted.other': '{count} leads enviados',
  'import.attention.one': '{count} fila requiere revisión',
  'import.attention.many': '{count} de filas requieren revisión',
  'import.attention.other': '{count} filas requieren revisión',
  'import.body': 'Ha terminado tu importación de leads en {program}.',
  'import.fact.file': 'Archivo',
  'import.fact.rows': 'Filas del archivo',
  'import.fact.imported': 'Leads enviados',
  'import.fact.duplicates': 'Duplicados (no enviados)',
  'import.fact.failed': 'Filas con errores',
  'import.errorFile':
    'Descarga el CSV de errores desde tu historial de importaciones: incluye cada fila que no se envió y el motivo, para que puedas corregirla y volver a importarla.',
  'import.action': 'Abrir el historial de importaciones',

  'commission.subjectApproved': 'Comisión aprobada: {amount} por {lead} – {program}',
  'commission.subjectPaid': 'Comisión pagada: {amount} por {lead} – {program}',
  'commission.approved':
    '{company} ha aprobado una comisión de {amount}. Se pagará según las condiciones del programa.',
  'commission.paid': '{company} te ha pagado una comisión de {amount}.',
  'commission.fact.commission': 'Comisión',
  'commission.fact.amount': 'Importe',
  'commission.action': 'Ver tus comisiones',

  'message.subject': 'Nuevo mensaje de {company}: {subject}',
  'message.body': '{author}, de {company}, te ha enviado un mensaje.',
  'message.bodyAboutLead': '{author}, de {company}, te ha enviado un mensaje sobre el lead {lead}.',
  'message.action': 'Leer y responder',

  'invite.subjectOne': 'Ya eres partner de {program}',
  'invite.subject': '{company} te ha añadido como partner',
  'invite.enrolled': '{company} te ha inscrito en {programs}.',
  'invite.added': '{company} te ha añadido como partner.',
  'invite.submitHere': 'Envía leads a {program} aquí:',
  'invite.offer': 'Lo que ganas en {program}: {offer}',
  'invite.signIn':
    'Inicia sesión allí con esta dirección de correo ({email}): recibirás un código de un solo uso por correo, sin necesidad de contraseña.',
  'invite.about':
    'Allí puedes enviar leads uno a uno o importar un archivo CSV, seguir el estado de cada lead que hayas enviado y ver los clientes y las comisiones que te aportan. Te avisaremos por correo cuando uno de tus leads avance.',
  'invite.signature': '— {company}',
  'invite.footer': 'Recibes este correo porque {company} te ha añadido como partner.',

  'signIn.subject': '{code} es tu código para iniciar sesión en {program}',
  'signIn.body': 'Tu código para iniciar sesión en {program} es:',
  'signIn.expires.one':
    'Caduca en {count} minuto y solo sirve una vez. Si no lo has solicitado, ignora este correo: nadie puede iniciar sesión sin el código.',
  'signIn.expires.many':
    'Caduca en {count} de minutos y solo sirve una vez. Si no lo has solicitado, ignora este correo: nadie puede iniciar sesión sin el código.',
  'signIn.expires.other':
    'Caduca en {count} minutos y solo sirve una vez. Si no lo has solicitado, ignora este correo: nadie puede iniciar sesión sin el código.',
  'signIn.footer':
    'Recibes este correo porque alguien ha solicitado iniciar sesión en {program} ({company}) con esta dirección.',

  'apply.subject': '{code} confirma tu solicitud para {program}',
  'apply.body':
    'Introduce este código para confirmar tu dirección de correo y enviar tu solicitud a {program}:',
  'apply.footer':
    'Recibes este correo porque alguien ha solicitado unirse a {program} ({company}) con esta dirección.',
  'approved.subject': 'Bienvenido a {program}: tu solicitud ha sido aprobada',
  'approved.intro': '{company} ha aprobado tu solicitud y te ha inscrito en {programs}.',
  'declined.subject': 'Tu solicitud para {program}',
  'declined.body':
    'Gracias por tu solicitud para {program}. {company} ha decidido no seguir adelante con tu solicitud por ahora.',
  'declined.closing': 'Gracias por tu interés en trabajar con {company}.',

  'unsubscribe.title': 'Darse de baja',
  'unsubscribe.question': '¿Quieres darte de baja de «{kind}»?',
  'unsubscribe.explain':
    'Dejarás de recibir correos de «{kind}» de {company}. Los demás correos no se verán afectados.',
  'unsubscribe.button': 'Darme de baja',
  'unsubscribe.doneTitle': 'Baja confirmada',
  'unsubscribe.done': 'Te has dado de baja',
  'unsubscribe.doneExplain': 'Ya no recibirás correos de «{kind}» de {company}.',

  'portal.tag': 'Portal de partners',
  'portal.intro':
    'Envía los leads que aportas a {company}, sigue cada uno durante todo el proceso de venta y consulta lo que ganas.',
  'portal.description': 'El portal de partners de {company}: envía leads y haz su seguimiento.',
  'portal.note':
    '¿Todavía no eres partner? Pide a {company} que te invite. Los partners inician sesión con un código de un solo uso que se envía a la dirección a la que llegó su invitación.',
  'portal.noteOpen':
    '¿Todavía no eres partner? Solicita unirte a {program}: {company} te escribirá cuando haya revisado tu solicitud.',
  'portal.apply': 'Solicitar unirme',
  'portal.noscript':
    'Este portal necesita JavaScript para mostrar el formulario. Actívalo para esta página y vuelve a cargarla.',
  'portal.footer': 'Portal de partners de {company} · con tecnología de Leadbridge',
  'portal.notFoundTitle': 'No se ha encontrado el portal de partners',
  'portal.notFound': 'Este portal de partners no existe',
  'portal.notFoundExplain':
    'Puede que la dirección esté mal escrita o que la empresa haya cerrado este programa. Pide el enlace actual a la empresa que te invitó.',
};

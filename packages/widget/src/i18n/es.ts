export { FIELD_ERRORS_ES as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in Spanish (loaded only when the widget speaks Spanish). */
export const messages: CoreCatalog = {
  'shell.loading': 'Cargando…',
  'shell.tabs': 'Secciones del portal de partners',
  'shell.tab.submit': 'Enviar un lead',
  'shell.tab.leads': 'Mis leads',
  'shell.tab.customers': 'Clientes',
  'shell.tab.commissions': 'Comisiones',
  'shell.tab.summary': 'Programa',
  'shell.tab.messages': 'Mensajes',
  'shell.unread.one': '{count} sin leer',
  'shell.unread.many': '{count} sin leer',
  'shell.unread.other': '{count} sin leer',
  'shell.signedInAs': 'Sesión iniciada como {name}',
  'shell.signOut': 'Cerrar sesión',
  'shell.preview': 'Vista previa',
  'shell.error.notFound':
    'No se ha encontrado este programa de partners. Comprueba la clave publicable (publishable-key).',
  'shell.error.origin':
    'Este sitio web no tiene permiso para mostrar este formulario. La empresa puede añadirlo a los sitios web permitidos del programa.',
  'shell.error.missingKey': 'A este formulario le falta el atributo publishable-key.',
  'shell.error.network':
    'No se ha podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  'shell.error.generic': 'Algo ha fallado. Vuelve a intentarlo.',
  'shell.error.sessionExpired': 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
  'shell.retry': 'Reintentar',
  'shell.viewLoadFailed':
    'No se ha podido cargar esta sección. Comprueba tu conexión y vuelve a intentarlo.',
  'submit.title': 'Enviar un lead',
  'submit.intro': 'Los campos marcados con * son obligatorios.',
  'submit.button': 'Enviar lead',
  'submit.sending': 'Enviando…',
  'submit.moreActions': 'Más acciones de leads',
  'submit.importLeads': 'Importar leads',
  'submit.importHistory': 'Ver historial de importaciones',
  'submit.selectPlaceholder': 'Elige…',
  'submit.fixErrors.one': 'Revisa {count} campo.',
  'submit.fixErrors.many': 'Revisa {count} de campos.',
  'submit.fixErrors.other': 'Revisa {count} campos.',
  'submit.success.title': 'Lead enviado',
  'submit.success.body':
    '{name} se ha enviado a {program}. Recibirás un correo electrónico cuando cambie su estado.',
  'submit.success.bodyNoProgram':
    '{name} se ha enviado. Recibirás un correo electrónico cuando cambie su estado.',
  'submit.success.another': 'Enviar otro lead',
  'submit.success.viewLeads': 'Ver mis leads',
  'submit.preview.title': 'Vista previa: no se ha enviado nada',
  'submit.preview.body':
    'Así ven el formulario los partners. En la vista previa, al enviar solo se comprueban los campos.',
  'submit.disabled': 'Este programa no acepta leads en este momento.',
  'submit.kept': 'Lo que has escrito se conserva aquí hasta entonces.',
  'submit.duplicate.email':
    'Ya hay un lead con esta dirección de correo electrónico registrado en este programa (desde el {date}). El lead pertenece al primer partner que lo registra, así que no se puede volver a enviar.',
  'submit.duplicate.domain':
    'Ya hay un lead de esta empresa registrado en este programa (desde el {date}). El lead pertenece al primer partner que lo registra, así que no se puede volver a enviar.',
  'submit.duplicate.field': 'Ya registrado en este programa',
  'submit.rateLimited': 'Demasiados envíos en poco tiempo. Espera un minuto y vuelve a intentarlo.',
  'submit.failed': 'No se ha podido enviar el lead: {detail}',
  'submit.serverErrors': 'El servidor no ha aceptado algunos valores:',
  'field.yes': 'Sí',
  'field.no': 'No',
  'field.empty': '—',
  'field.required': 'obligatorio',
};

export { FIELD_ERRORS_PT_BR as fieldErrors } from '@leadbridge/core';

import type { CoreCatalog } from './en.js';

/** The first load's strings in Brazilian Portuguese (loaded only when the widget speaks it). */
export const messages: CoreCatalog = {
  'shell.loading': 'Carregando…',
  'shell.tabs': 'Seções do portal de parceiros',
  'shell.tab.submit': 'Enviar um lead',
  'shell.tab.leads': 'Meus leads',
  'shell.tab.customers': 'Clientes',
  'shell.tab.commissions': 'Comissões',
  'shell.tab.summary': 'Programa',
  'shell.tab.messages': 'Mensagens',
  'shell.unread.one': '{count} não lida',
  'shell.unread.many': '{count} não lidas',
  'shell.unread.other': '{count} não lidas',
  'shell.signedInAs': 'Conectado como {name}',
  'shell.signOut': 'Sair',
  'shell.preview': 'Pré-visualização',
  'shell.error.notFound':
    'Este programa de parceiros não foi encontrado. Verifique a chave publicável (publishable-key).',
  'shell.error.origin':
    'Este site não tem permissão para exibir este formulário. A empresa pode adicioná-lo aos sites permitidos do programa.',
  'shell.error.missingKey': 'Falta o atributo publishable-key neste formulário.',
  'shell.error.network':
    'Não foi possível acessar o servidor. Verifique sua conexão e tente novamente.',
  'shell.error.generic': 'Algo deu errado. Tente novamente.',
  'shell.error.sessionExpired': 'Sua sessão expirou. Entre novamente.',
  'shell.retry': 'Tentar novamente',
  'shell.viewLoadFailed':
    'Não foi possível carregar esta seção. Verifique sua conexão e tente novamente.',
  'submit.title': 'Enviar um lead',
  'submit.intro': 'Os campos marcados com * são obrigatórios.',
  'submit.button': 'Enviar lead',
  'submit.sending': 'Enviando…',
  'submit.moreActions': 'Mais ações de leads',
  'submit.importLeads': 'Importar leads',
  'submit.importHistory': 'Ver histórico de importações',
  'submit.selectPlaceholder': 'Escolha…',
  'submit.fixErrors.one': '{count} campo precisa de correção.',
  'submit.fixErrors.many': '{count} de campos precisam de correção.',
  'submit.fixErrors.other': '{count} campos precisam de correção.',
  'submit.success.title': 'Lead enviado',
  'submit.success.body':
    '{name} foi enviado para {program}. Você receberá um e-mail quando o status dele mudar.',
  'submit.success.bodyNoProgram':
    '{name} foi enviado. Você receberá um e-mail quando o status dele mudar.',
  'submit.success.another': 'Enviar outro lead',
  'submit.success.viewLeads': 'Ver meus leads',
  'submit.preview.title': 'Pré-visualização — nada foi enviado',
  'submit.preview.body':
    'É assim que os parceiros veem o formulário. No modo de pré-visualização, o envio apenas verifica os campos.',
  'submit.disabled': 'Este programa não está aceitando leads no momento.',
  'submit.kept': 'O que você digitou fica guardado aqui até lá.',
  'submit.duplicate.email':
    'Um lead com este endereço de e-mail já está registrado neste programa (desde {date}). O lead pertence ao parceiro que o registra primeiro, por isso não pode ser enviado novamente.',
  'submit.duplicate.domain':
    'Um lead desta empresa já está registrado neste programa (desde {date}). O lead pertence ao parceiro que o registra primeiro, por isso não pode ser enviado novamente.',
  'submit.duplicate.field': 'Já registrado neste programa',
  'submit.rateLimited': 'Muitos envios em pouco tempo. Aguarde um minuto e tente novamente.',
  'submit.failed': 'Não foi possível enviar o lead: {detail}',
  'submit.serverErrors': 'O servidor não aceitou alguns valores:',
  'field.yes': 'Sim',
  'field.no': 'Não',
  'field.empty': '—',
  'field.required': 'obrigatório',
};

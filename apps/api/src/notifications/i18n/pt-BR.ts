import type { EmailCatalog } from './en';

export const ptBR: EmailCatalog = {
  'frame.greeting': 'Olá, {name},',
  'frame.footer': 'Você recebe este e-mail (“{kind}”) como parceiro de {company} ({program}).',
  'frame.unsubscribe': 'Cancelar inscrição em “{kind}”',
  'kind.lead_stage': 'Status dos leads',
  'kind.import_completed': 'Resultados de importação',
  'kind.commission': 'Comissões',
  'kind.message': 'Novas mensagens',

  'fact.lead': 'Lead',
  'fact.email': 'E-mail',
  'fact.company': 'Empresa',

  'leadStage.subject': '{lead} agora está em “{status}” – {program}',
  'leadStage.body': 'O status de um lead que você enviou para {program} mudou para “{status}”.',
  'leadStage.previous': 'Status anterior',
  'leadStage.new': 'Novo status',
  'leadStage.action': 'Ver seus leads',
  'leadStage.earnedFlat':
    'Você ganhou {amount} por este lead em “{stage}”. {company} aprova as comissões antes de pagá-las; você pode acompanhar as suas em Comissões.',
  'leadStage.earnedPercent.one':
    'Você também ganha {percent} de cada pagamento que {lead} fizer no próximo mês.',
  'leadStage.earnedPercent.many':
    'Você também ganha {percent} de cada pagamento que {lead} fizer nos próximos {count} meses.',
  'leadStage.earnedPercent.other':
    'Você também ganha {percent} de cada pagamento que {lead} fizer nos próximos {count} meses.',
  'leadStage.earnedPercentForever':
    'Você também ganha {percent} de cada pagamento que {lead} fizer enquanto continuar sendo cliente.',

  'import.failedSubject': 'Não foi possível processar sua importação de {file}',
  'import.failedBody':
    'Não conseguimos importar {file} para {program}. Nenhum lead desse arquivo foi enviado.',
  'import.subject': 'Sua importação de {file} foi concluída: {submitted}',
  'import.subjectWithProblems': 'Sua importação de {file} foi concluída: {submitted}, {attention}',
  'import.submitted.one': '{count} lead enviado',
  'import.submitted.many': '{count} de leads enviados',
  'import.submitted.other': '{count} leads enviados',
  'import.attention.one': '{count} linha precisa de atenção',
  'import.attention.many': '{count} de linhas precisam de atenção',
  'import.attention.other': '{count} linhas precisam de atenção',
  'import.body': 'Sua importação de leads para {program} foi concluída.',
  'import.fact.file': 'Arquivo',
  'import.fact.rows': 'Linhas no arquivo',
  'import.fact.imported': 'Leads enviados',
  'import.fact.duplicates': 'Duplicados (não enviados)',
  'import.fact.failed': 'Linhas com erros',
  'import.errorFile':
    'Baixe o CSV de erros no seu histórico de importações: ele lista cada linha que não foi enviada com o motivo, para você corrigir e importar de novo.',
  'import.action': 'Abrir histórico de importações',

  'commission.subjectApproved': 'Comissão aprovada: {amount} por {lead} – {program}',
  'commission.subjectPaid': 'Comissão paga: {amount} por {lead} – {program}',
  'commission.approved':
    '{company} aprovou uma comissão de {amount}. Ela será paga de acordo com os termos do programa.',
  'commission.paid': '{company} pagou a você uma comissão de {amount}.',
  'commission.fact.commission': 'Comissão',
  'commission.fact.amount': 'Valor',
  'commission.action': 'Ver suas comissões',

  'message.subject': 'Nova mensagem de {company}: {subject}',
  'message.body': '{author}, de {company}, enviou uma mensagem para você.',
  'message.bodyAboutLead':
    '{author}, de {company}, enviou uma mensagem para você sobre o lead {lead}.',
  'message.action': 'Ler e responder',

  'invite.subjectOne': 'Agora você é parceiro de {program}',
  'invite.subject': '{company} adicionou você como parceiro',
  'invite.enrolled': '{company} inscreveu você em {programs}.',
  'invite.added': '{company} adicionou você como parceiro.',
  'invite.submitHere': 'Envie leads para {program} aqui:',
  'invite.offer': 'O que você ganha em {program}: {offer}',
  'invite.signIn':
    'Entre lá com este endereço de e-mail ({email}): você receberá um código de uso único por e-mail, sem precisar de senha.',
  'invite.about':
    'Lá você pode enviar leads um a um ou importar um arquivo CSV, acompanhar o status de cada lead enviado e ver os clientes e as comissões que eles trazem para você. Avisaremos por e-mail quando um lead que você enviou avançar.',
  'invite.signature': '— {company}',
  'invite.footer': 'Você recebe este e-mail porque {company} adicionou você como parceiro.',

  'signIn.subject': '{code} é seu código para entrar em {program}',
  'signIn.body': 'Seu código para entrar em {program} é:',
  'signIn.expires.one':
    'Ele expira em {count} minuto e só pode ser usado uma vez. Se você não pediu este código, ignore este e-mail: ninguém consegue entrar sem ele.',
  'signIn.expires.many':
    'Ele expira em {count} de minutos e só pode ser usado uma vez. Se você não pediu este código, ignore este e-mail: ninguém consegue entrar sem ele.',
  'signIn.expires.other':
    'Ele expira em {count} minutos e só pode ser usado uma vez. Se você não pediu este código, ignore este e-mail: ninguém consegue entrar sem ele.',
  'signIn.footer':
    'Você recebe este e-mail porque alguém pediu para entrar em {program} ({company}) com este endereço.',

  'apply.subject': '{code} confirma sua inscrição em {program}',
  'apply.body':
    'Digite este código para confirmar seu e-mail e enviar sua inscrição para {program}:',
  'apply.footer':
    'Você recebe este e-mail porque alguém se inscreveu em {program} ({company}) com este endereço.',
  'approved.subject': 'Boas-vindas ao {program}: sua inscrição foi aprovada',
  'approved.intro': '{company} aprovou sua inscrição e incluiu você em {programs}.',
  'declined.subject': 'Sua inscrição em {program}',
  'declined.body':
    'Obrigado por se inscrever em {program}. {company} decidiu não seguir com sua inscrição neste momento.',
  'declined.closing': 'Obrigado pelo seu interesse em trabalhar com {company}.',

  'unsubscribe.title': 'Cancelar inscrição',
  'unsubscribe.question': 'Cancelar a inscrição em “{kind}”?',
  'unsubscribe.explain':
    'Você não receberá mais e-mails de “{kind}” de {company}. Os outros e-mails não serão afetados.',
  'unsubscribe.button': 'Cancelar inscrição',
  'unsubscribe.doneTitle': 'Inscrição cancelada',
  'unsubscribe.done': 'Sua inscrição foi cancelada',
  'unsubscribe.doneExplain': 'Você não receberá mais e-mails de “{kind}” de {company}.',

  'portal.tag': 'Portal de parceiros',
  'portal.intro':
    'Envie os leads que você traz para {company}, acompanhe cada um durante todo o processo de vendas e veja quanto você ganha.',
  'portal.description': 'O portal de parceiros de {company}: envie leads e acompanhe cada um.',
  'portal.note':
    'Ainda não é parceiro? Peça a {company} para convidar você. Os parceiros entram com um código de uso único enviado para o endereço que recebeu o convite.',
  'portal.noteOpen':
    'Ainda não é parceiro? Inscreva-se em {program}: {company} enviará um e-mail assim que analisar sua inscrição.',
  'portal.apply': 'Quero participar',
  'portal.noscript':
    'Este portal precisa de JavaScript para exibir o formulário. Ative-o para esta página e recarregue.',
  'portal.footer': 'Portal de parceiros de {company} · com tecnologia Leadbridge',
  'portal.notFoundTitle': 'Portal de parceiros não encontrado',
  'portal.notFound': 'Este portal de parceiros não existe',
  'portal.notFoundExplain':
    'O endereço pode estar digitado errado, ou a empresa encerrou este programa. Peça o link atual à empresa que convidou você.',
};

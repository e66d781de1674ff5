import type { FormField, LeadStage } from '@leadbridge/core';
import { html, type TemplateResult } from 'lit';
import type { LeadEvent } from '../../api/types.js';
import { fieldKeyOfPath } from '../../fields/form-values.js';
import { formatDateTime, type Translate } from '../../i18n/i18n.js';
import type { ViewContext } from '../navigation.js';

function actorName(event: LeadEvent, t: Translate): string {
  if (event.actor.type === 'partner' || event.actor.type === 'user') {
    return event.actor.name ?? t('history.someone');
  }
  return t('history.company');
}

function stageName(stage: unknown, context: ViewContext): string {
  return context.stageLabels[stage as LeadStage] ?? String(stage);
}

/** One history entry in plain words, with the program's stage names and the form's labels. */
export function describeEvent(
  event: LeadEvent,
  context: ViewContext,
  fields: readonly FormField[],
): string {
  const t = context.t;
  const actor = actorName(event, t);
  switch (event.type) {
    case 'created':
      return t('history.created', { actor });
    case 'imported':
      return t('history.imported', { actor });
    case 'edited': {
      const changes = (event.data.changes ?? {}) as Record<string, unknown>;
      const labels = Object.keys(changes).map((path) => {
        const key = fieldKeyOfPath(path);
        return fields.find((field) => field.key === key)?.label ?? key;
      });
      return t('history.edited', { actor, fields: labels.join(', ') });
    }
    case 'stage_changed': {
      const from = stageName(event.data.from, context);
      const to = stageName(event.data.to, context);
      const reason = typeof event.data.reason === 'string' ? event.data.reason : '';
      return reason
        ? t('history.stageChangedReason', { from, to, reason })
        : t('history.stageChanged', { from, to });
    }
    default:
      return t('history.event', { type: event.type.replace(/_/g, ' '), actor });
  }
}

export function renderHistory(
  events: readonly LeadEvent[],
  context: ViewContext,
  fields: readonly FormField[],
): TemplateResult {
  if (events.length === 0) return html`<p class="muted">${context.t('history.empty')}</p>`;
  return html`<ol class="history" part="history">
    ${events.map(
      (event) => html`<li part="history-item">
        <time datetime=${event.createdAt}>${formatDateTime(event.createdAt, context.locale)}</time>
        <span>${describeEvent(event, context, fields)}</span>
      </li>`,
    )}
  </ol>`;
}

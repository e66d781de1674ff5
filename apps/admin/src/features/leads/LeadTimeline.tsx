import { isLeadStage, type LeadStage } from '@leadbridge/core';
import type { LeadEvent } from '@leadbridge/sdk';
import { ArrowRight } from 'lucide-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { StageBadge } from '../../ui/StageBadge';

const ACTOR: Record<LeadEvent['actor']['type'], string> = {
  user: 'team member',
  api_key: 'API key',
  partner: 'partner',
  system: 'Leadbridge',
};

function actorText(event: LeadEvent): string {
  const name = event.actor.name;
  return name ? `${name} (${ACTOR[event.actor.type]})` : ACTOR[event.actor.type];
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function Body({
  event,
  labels,
  fieldLabel,
}: {
  event: LeadEvent;
  labels: Record<LeadStage, string>;
  fieldLabel: (key: string) => string;
}) {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'created':
      return <p>Submitted by {actorText(event)}</p>;
    case 'imported':
      return <p>Imported from a CSV by {actorText(event)}</p>;
    case 'stage_changed': {
      const from = data.from;
      const to = data.to;
      return (
        <div className="stack-sm">
          <p>
            {isLeadStage(from) && <StageBadge stage={from} label={labels[from]} />}
            <ArrowRight size={14} className="inline-icon" aria-hidden="true" />
            <span className="visually-hidden">to</span>
            {isLeadStage(to) && <StageBadge stage={to} label={labels[to]} />} by {actorText(event)}
          </p>
          {typeof data.reason === 'string' && data.reason && (
            <blockquote className="reason">{data.reason}</blockquote>
          )}
        </div>
      );
    }
    case 'edited': {
      const changes = (data.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
      return (
        <div className="stack-sm">
          <p>Edited by {actorText(event)}</p>
          <ul className="changes">
            {Object.entries(changes).map(([key, change]) => (
              <li key={key}>
                <strong>{fieldLabel(key.replace(/^fields\./, ''))}</strong>:{' '}
                <del>{show(change.from)}</del>{' '}
                <ArrowRight size={14} className="inline-icon" aria-hidden="true" />
                <span className="visually-hidden">to</span> <ins>{show(change.to)}</ins>
              </li>
            ))}
          </ul>
        </div>
      );
    }
    default:
      return (
        <p>
          {event.type.replace(/_/g, ' ')} by {actorText(event)}
        </p>
      );
  }
}

/** The lead's history, newest first, as a vertical timeline. */
export function LeadTimeline({
  events,
  labels,
  fieldLabel,
}: {
  events: LeadEvent[];
  labels: Record<LeadStage, string>;
  fieldLabel: (key: string) => string;
}) {
  return (
    <ol className="timeline">
      {[...events].reverse().map((event) => (
        <li key={event.id} data-event={event.type}>
          <span className={`timeline-dot timeline-${event.type}`} aria-hidden="true" />
          <div className="timeline-body">
            <Body event={event} labels={labels} fieldLabel={fieldLabel} />
            <time
              className="subtle"
              dateTime={event.createdAt}
              title={formatDateTime(event.createdAt)}
            >
              {formatRelative(event.createdAt)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}

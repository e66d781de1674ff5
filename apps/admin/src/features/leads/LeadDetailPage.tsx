import {
  allowedTransitions,
  type LeadFormSchema,
  type LeadStage,
  nextStage,
} from '@leadbridge/core';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, Pencil, SearchX } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isStatus } from '../../api/errors';
import { stageLabelsOf, useProgramMap } from '../../api/programs';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDateTime, leadName } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { StageBadge, StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { NewThreadDialog } from '../messages/NewThreadDialog';
import { LeadEditForm } from './LeadEditForm';
import { LeadTimeline } from './LeadTimeline';
import { displayValue, fieldValue, orderedFields } from './lead-values';
import { StageChangeDialog } from './StageChangeDialog';
import './lead-detail.css';

const SOURCE: Record<string, string> = { form: 'Lead form', api: 'API', import: 'CSV import' };

export function LeadDetailPage() {
  const { id = '' } = useParams();
  const canWrite = useCanWrite();
  const programs = useProgramMap();
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<{ stage: LeadStage; label: string } | null>(null);
  const [composing, setComposing] = useState(false);

  const lead = useQuery(queries.lead(id));
  const events = useQuery({ ...queries.leadHistory(id), enabled: lead.isSuccess });
  useTitle(lead.data ? leadName(lead.data) : 'Lead');

  if (lead.isPending) return <LoadingState label="Loading lead…" />;
  if (lead.isError) {
    return isStatus(lead.error, 404) ? (
      <EmptyState
        icon={<SearchX size={22} />}
        title="Lead not found"
        action={<Link to="/leads">Back to leads</Link>}
      >
        It may have been removed, or it belongs to another company.
      </EmptyState>
    ) : (
      <ErrorState error={lead.error} onRetry={() => lead.refetch()} />
    );
  }
  const data = lead.data;
  const program = programs.get(data.programId);
  const schema = (program?.formSchema ?? { fields: [] }) as LeadFormSchema;
  const labels = stageLabelsOf(program);
  const fields = orderedFields(schema);
  const fieldLabel = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  // In lifecycle order, the natural next stage first and primary (Qualify a new lead).
  const moves = allowedTransitions(data.stage);
  const next = nextStage(data.stage);
  // Values the form no longer asks for are still shown, so nothing a partner sent is hidden.
  const extraKeys = Object.keys(data.fields).filter((key) => !fields.some((f) => f.key === key));

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/leads', label: 'Leads' }}
        title={
          <span className="row">
            {leadName(data)} <StageBadge stage={data.stage} label={data.stageLabel} />
          </span>
        }
        description={
          <>
            {data.email} · from <Link to={`/partners/${data.partner.id}`}>{data.partner.name}</Link>
            {program ? ` · ${program.name}` : ''}
          </>
        }
        actions={
          <Button onClick={() => setComposing(true)} disabled={!canWrite}>
            Message partner
          </Button>
        }
      />
      <ReadOnlyNotice what="edit leads or change their stage" />

      {canWrite && (
        <section className="card card-body stage-actions" aria-labelledby="stage-actions-title">
          <h2 id="stage-actions-title" className="section-title">
            Move this lead
          </h2>
          {moves.length === 0 ? (
            <p className="muted">{data.stageLabel} is final: won leads stay customers.</p>
          ) : (
            <div className="row">
              {moves.map((stage) => (
                <Button
                  key={stage}
                  variant={stage === next ? 'primary' : 'default'}
                  onClick={() => setTarget({ stage, label: labels[stage] })}
                >
                  {labels[stage]}
                </Button>
              ))}
            </div>
          )}
        </section>
      )}

      <div className="lead-layout">
        <section className="card" aria-labelledby="lead-fields-title">
          <div className="card-header">
            <h2 id="lead-fields-title">Details</h2>
            {canWrite && !editing && (
              <Button size="sm" onClick={() => setEditing(true)}>
                <Pencil size={14} aria-hidden="true" /> Edit
              </Button>
            )}
          </div>
          <div className="card-body">
            {editing ? (
              <LeadEditForm lead={data} schema={schema} onDone={() => setEditing(false)} />
            ) : (
              <dl className="dl">
                {fields.map((field) => (
                  <div key={field.key} className="dl-row" data-field={field.key}>
                    <dt>{field.label}</dt>
                    <dd>{displayValue(field, fieldValue(data, field.key))}</dd>
                  </div>
                ))}
                {extraKeys.map((key) => (
                  <div key={key} className="dl-row">
                    <dt>{key}</dt>
                    <dd>{displayValue(undefined, data.fields[key])}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        </section>

        <div className="stack">
          <section className="card card-body stack-sm" aria-labelledby="lead-about-title">
            <h2 id="lead-about-title" className="section-title">
              About
            </h2>
            <dl className="dl">
              <dt>Partner</dt>
              <dd>
                <Link to={`/partners/${data.partner.id}`}>{data.partner.name}</Link>
              </dd>
              <dt>Source</dt>
              <dd>
                {SOURCE[data.source] ?? data.source}
                {data.importId && (
                  <>
                    {' '}
                    · <Link to="/imports">view imports</Link>
                  </>
                )}
              </dd>
              <dt>Created</dt>
              <dd>{formatDateTime(data.createdAt)}</dd>
              <dt>Stage since</dt>
              <dd>{formatDateTime(data.stageChangedAt)}</dd>
              <dt>Version</dt>
              <dd>{data.version}</dd>
            </dl>
          </section>
          {data.customer && (
            <section
              className="card card-body stack-sm"
              aria-labelledby="lead-customer-title"
              data-testid="lead-customer"
            >
              <h2 id="lead-customer-title" className="section-title">
                Customer
              </h2>
              <p className="row">
                <StatusBadge status={data.customer.status} />
                <strong>
                  {money(data.customer.revenue.amount, data.customer.revenue.currency)}
                </strong>
                <span className="subtle">revenue</span>
              </p>
              <Link to={`/customers/${data.customer.id}`} className="link-arrow">
                Open customer <ArrowRight size={14} aria-hidden="true" />
              </Link>
            </section>
          )}
        </div>
      </div>

      <section className="card" aria-labelledby="lead-history-title">
        <div className="card-header">
          <h2 id="lead-history-title">History</h2>
        </div>
        <div className="card-body">
          {events.isPending ? (
            <LoadingState label="Loading history…" />
          ) : events.isError ? (
            <ErrorState error={events.error} onRetry={() => events.refetch()} />
          ) : (
            <LeadTimeline events={events.data} labels={labels} fieldLabel={fieldLabel} />
          )}
        </div>
      </section>

      <StageChangeDialog lead={data} target={target} onClose={() => setTarget(null)} />
      <NewThreadDialog
        open={composing}
        onClose={() => setComposing(false)}
        partner={data.partner}
        programId={data.programId}
        lead={{ id: data.id, name: leadName(data) }}
      />
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowRight, SearchX } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage, isStatus } from '../../api/errors';
import { usePrograms } from '../../api/programs';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate, formatRelative, leadName } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { StageBadge, StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { NewThreadDialog } from '../messages/NewThreadDialog';

function EnrolForm({ partnerId, enrolled }: { partnerId: string; enrolled: Set<string> }) {
  const programs = usePrograms();
  const client = useQueryClient();
  const toast = useToast();
  const available = (programs.data ?? []).filter(
    (p) => !enrolled.has(p.id) && p.status === 'active',
  );
  const [programId, setProgramId] = useState('');
  const [invite, setInvite] = useState(true);
  const enrol = useMutation({
    mutationFn: () => lb.programs.enrollPartner(programId, { partnerId, invite }),
    onSuccess: (p) => {
      toast.show(`Enrolled in ${p.programName}`);
      setProgramId('');
      invalidateArea(client, 'partners');
    },
  });
  if (available.length === 0) return null;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (programId) enrol.mutate();
      }}
    >
      <label className="visually-hidden" htmlFor="enrol-program">
        Program to enrol in
      </label>
      <select
        id="enrol-program"
        className="select"
        style={{ width: 'auto' }}
        value={programId}
        onChange={(e) => setProgramId(e.target.value)}
      >
        <option value="">Enrol in a program…</option>
        {available.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />{' '}
        Email an invitation
      </label>
      <Button type="submit" size="sm" disabled={!programId} loading={enrol.isPending}>
        Enrol
      </Button>
      {enrol.isError && <Alert kind="error">{errorMessage(enrol.error)}</Alert>}
    </form>
  );
}

export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const toast = useToast();
  const [composing, setComposing] = useState(false);
  const partner = useQuery(queries.partner(id));
  const leads = useQuery(queries.latestLeads({ partnerId: id }, 10));
  const earnings = useQuery(queries.commissionTotals({ partnerId: id }));
  const end = useMutation({
    mutationFn: (programId: string) => lb.programs.endPartnership(programId, id),
    onSuccess: () => {
      toast.show('Enrolment ended');
      invalidateArea(client, 'partners');
    },
    onError: (error) => toast.show(errorMessage(error), { kind: 'error' }),
  });
  useTitle(partner.data?.name ?? 'Partner');
  if (partner.isPending) return <LoadingState />;
  if (partner.isError) {
    return isStatus(partner.error, 404) ? (
      <EmptyState
        icon={<SearchX size={22} />}
        title="Partner not found"
        action={<Link to="/partners">Back to partners</Link>}
      />
    ) : (
      <ErrorState error={partner.error} onRetry={() => partner.refetch()} />
    );
  }
  const p = partner.data;
  const active = p.partnerships.filter((s) => s.status === 'active');
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/partners', label: 'Partners' }}
        title={
          <span className="row">
            {p.name} <StatusBadge status={p.status} />
          </span>
        }
        description={`${p.email} · partner since ${formatDate(p.createdAt)}`}
        actions={
          canWrite && active[0] ? (
            <Button onClick={() => setComposing(true)}>Message</Button>
          ) : undefined
        }
      />
      <section
        className="kpis"
        aria-label="Earnings"
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' }}
      >
        {earnings.data?.data.length ? (
          earnings.data.data.map((t) => (
            <div className="card kpi" key={t.currency}>
              <span className="kpi-label">Earned ({t.currency})</span>
              <span className="kpi-value">
                {money(t.pending + t.approved + t.paid, t.currency)}
              </span>
              <span className="subtle">
                {money(t.paid, t.currency)} paid · {money(t.approved, t.currency)} approved ·{' '}
                {money(t.pending, t.currency)} pending
              </span>
            </div>
          ))
        ) : (
          <div className="card kpi">
            <span className="kpi-label">Earned</span>
            <span className="kpi-value">{earnings.isPending ? '…' : '—'}</span>
            <span className="subtle">No commissions yet</span>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="programs-title">
        <div className="card-header">
          <h2 id="programs-title">Programs</h2>
        </div>
        <div className="card-body stack">
          {p.partnerships.length === 0 ? (
            <p className="muted">Not enrolled in any program yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Program</th>
                    <th scope="col">Partner key</th>
                    <th scope="col">Status</th>
                    <th scope="col">Since</th>
                    {canWrite && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {p.partnerships.map((s) => (
                    <tr key={s.id}>
                      <td>{s.programName}</td>
                      <td className="mono">{s.partnerKey}</td>
                      <td>
                        <StatusBadge status={s.status} />
                      </td>
                      <td>{formatDate(s.createdAt)}</td>
                      {canWrite && (
                        <td>
                          {s.status === 'active' && (
                            <Button
                              size="sm"
                              variant="danger"
                              loading={end.isPending && end.variables === s.programId}
                              onClick={() => {
                                if (
                                  window.confirm(
                                    `End ${p.name}'s enrolment in ${s.programName}? Their sessions stop working.`,
                                  )
                                )
                                  end.mutate(s.programId);
                              }}
                            >
                              End
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canWrite && (
            <EnrolForm partnerId={p.id} enrolled={new Set(active.map((s) => s.programId))} />
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="partner-leads-title">
        <div className="card-header">
          <h2 id="partner-leads-title">Latest leads</h2>
          <Link to={`/leads?partner=${p.id}`} className="link-arrow">
            All of {p.name}'s leads <ArrowRight size={14} aria-hidden="true" />
          </Link>
        </div>
        <div className="card-body">
          {leads.isPending ? (
            <LoadingState />
          ) : leads.isError ? (
            <ErrorState error={leads.error} onRetry={() => leads.refetch()} />
          ) : leads.data.length === 0 ? (
            <p className="muted">No leads yet.</p>
          ) : (
            <ul className="simple-list">
              {leads.data.map((lead) => (
                <li key={lead.id} className="row-between">
                  <Link to={`/leads/${lead.id}`}>{leadName(lead)}</Link>
                  <span className="row">
                    <StageBadge stage={lead.stage} label={lead.stageLabel} />
                    <span className="subtle">{formatRelative(lead.createdAt)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {composing && active[0] && (
        <NewThreadDialog
          open
          onClose={() => setComposing(false)}
          partner={{ id: p.id, name: p.name }}
          programId={active[0].programId}
        />
      )}
    </div>
  );
}

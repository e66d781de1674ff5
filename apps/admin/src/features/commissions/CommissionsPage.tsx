import type { Commission } from '@leadbridge/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Coins } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { downloadText } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FilterBar, PartnerFilter, ProgramFilter, useUrlFilters } from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { StatusBadge } from '../../ui/StageBadge';
import { Alert, EmptyState, ErrorState, SkeletonRows } from '../../ui/States';
import { useToast } from '../../ui/Toast';

type Status = Commission['status'];
const TABS: { status: Status; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'approved', label: 'Approved' },
  { status: 'paid', label: 'Paid' },
  { status: 'declined', label: 'Declined' },
];
/** What each tab lets you do next (core's commission transitions, as buttons). */
const ACTIONS: Record<Status, { to: 'approved' | 'paid' | 'declined'; label: string }[]> = {
  pending: [
    { to: 'approved', label: 'Approve' },
    { to: 'declined', label: 'Decline' },
  ],
  approved: [
    { to: 'paid', label: 'Mark paid' },
    { to: 'declined', label: 'Decline' },
  ],
  paid: [],
  declined: [],
};

export function CommissionsPage() {
  useTitle('Commissions');
  const { params, get, set } = useUrlFilters();
  const status = (TABS.find((t) => t.status === get('status'))?.status ?? 'pending') as Status;
  const programId = get('program');
  const partnerId = get('partner');
  const canWrite = useCanWrite();
  const toast = useToast();
  const client = useQueryClient();
  const filters = useMemo(
    () => ({ ...(programId ? { programId } : {}), ...(partnerId ? { partnerId } : {}) }),
    [programId, partnerId],
  );
  const totals = useQuery(queries.commissionTotals(filters));
  const list = useInfiniteQuery(queries.commissionPages({ ...filters, status }));
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tab or filter is a new list.
  useEffect(() => setSelected(new Set()), [status, filters]);

  const update = useMutation({
    mutationFn: async ({
      to,
      reason: why,
    }: {
      to: 'approved' | 'paid' | 'declined';
      reason?: string;
    }) => {
      const ids = [...selected];
      const results = [];
      for (let i = 0; i < ids.length; i += 200) {
        results.push(
          ...(await lb.commissions.updateStatus({
            ids: ids.slice(i, i + 200),
            status: to,
            ...(why ? { reason: why } : {}),
          })),
        );
      }
      return results;
    },
    onSuccess: (results, { to }) => {
      const ok = results.filter((r) => r.ok).length;
      const failed = results.filter((r) => !r.ok);
      const verb = to === 'paid' ? 'marked paid' : to;
      toast.show(
        failed.length === 0
          ? `${ok} ${ok === 1 ? 'commission' : 'commissions'} ${verb}`
          : `${ok} ${verb}; ${failed.length} not changed: ${failed[0]?.detail ?? failed[0]?.code ?? ''}`,
        { kind: failed.length ? 'error' : 'info' },
      );
      setSelected(new Set());
      setDeclining(false);
      setReason('');
      invalidateArea(client, 'commissions', 'analytics');
    },
    onError: (error) => toast.show(errorMessage(error), { kind: 'error' }),
  });

  const exportCsv = useMutation({
    mutationFn: () => lb.commissions.exportCsv({ ...filters, status }),
    onSuccess: (csv) =>
      downloadText(`commissions-${status}-${new Date().toISOString().slice(0, 10)}.csv`, csv),
    onError: (error) => toast.show(`Export failed: ${errorMessage(error)}`, { kind: 'error' }),
  });

  const totalsFor = (s: Status) =>
    totals.data?.data
      .map((t) => ({ amount: t[s], currency: t.currency }))
      .filter((m) => m.amount !== 0) ?? [];
  const actions = canWrite ? ACTIONS[status] : [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  return (
    <div className="page">
      <PageHeader
        title="Commissions"
        description="What partners earned under your offers: approve, decline and record payouts."
        actions={
          <Button onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
            Export CSV
          </Button>
        }
      />
      <ReadOnlyNotice what="approve or pay commissions" />
      <FilterBar>
        <ProgramFilter
          id="com-program"
          value={programId}
          onChange={(value) => set('program', value)}
        />
        <PartnerFilter
          id="com-partner"
          value={partnerId}
          onChange={(value) => set('partner', value)}
        />
      </FilterBar>
      <nav className="tabs" aria-label="Commission status">
        {TABS.map((tab) => (
          <Link
            key={tab.status}
            className="tab"
            to={`?${new URLSearchParams({ ...Object.fromEntries(params), status: tab.status })}`}
            aria-current={tab.status === status ? 'page' : undefined}
            replace
          >
            {tab.label}
            {totalsFor(tab.status).length > 0 && (
              <span className="count">
                {totalsFor(tab.status)
                  .map((m) => money(m.amount, m.currency))
                  .join(' · ')}
              </span>
            )}
          </Link>
        ))}
      </nav>
      {actions.length > 0 && selected.size > 0 && (
        <section
          className="bulk-bar"
          aria-label="Bulk actions"
          style={{ position: 'sticky', top: 8 }}
        >
          <strong>{selected.size} selected</strong>
          {actions.map((a) => (
            <Button
              key={a.to}
              size="sm"
              variant={a.to === 'declined' ? 'danger' : 'default'}
              loading={update.isPending && update.variables?.to === a.to}
              onClick={() =>
                a.to === 'declined' ? setDeclining(true) : update.mutate({ to: a.to })
              }
            >
              {a.label}
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
        </section>
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : !list.isPending && rows.length === 0 ? (
        <div className="card">
          <EmptyState icon={<Coins size={22} />} title={`No ${status} commissions`}>
            {status === 'pending'
              ? "Commissions appear when leads reach a rewarded stage or customers pay, as your program's offer says."
              : 'Nothing here yet.'}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {actions.length > 0 && (
                  <th className="cell-check" scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all"
                      checked={allSelected}
                      onChange={() =>
                        setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))
                      }
                    />
                  </th>
                )}
                <th scope="col">Partner</th>
                <th scope="col">Lead</th>
                <th scope="col">For</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Earned</th>
              </tr>
            </thead>
            <tbody>
              {list.isPending ? (
                <SkeletonRows rows={6} columns={7} />
              ) : (
                rows.map((c) => (
                  <tr key={c.id} data-commission-id={c.id}>
                    {actions.length > 0 && (
                      <td className="cell-check">
                        <input
                          type="checkbox"
                          aria-label={`Select commission for ${c.leadName}`}
                          checked={selected.has(c.id)}
                          onChange={() =>
                            setSelected((s) => {
                              const next = new Set(s);
                              if (next.has(c.id)) next.delete(c.id);
                              else next.add(c.id);
                              return next;
                            })
                          }
                        />
                      </td>
                    )}
                    <td>
                      <Link to={`/partners/${c.partnerId}`}>{c.partnerName}</Link>
                    </td>
                    <td>
                      <Link to={`/leads/${c.leadId}`}>{c.leadName}</Link>
                    </td>
                    <td>
                      {c.description}
                      {c.declineReason && <div className="subtle">Declined: {c.declineReason}</div>}
                    </td>
                    <td className="num">{money(c.amount, c.currency)}</td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td className="nowrap">{formatDate(c.createdAt)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Load more
        </Button>
      )}
      <Dialog
        open={declining}
        title={`Decline ${selected.size} ${selected.size === 1 ? 'commission' : 'commissions'}`}
        onClose={() => setDeclining(false)}
        footer={
          <>
            <Button onClick={() => setDeclining(false)}>Cancel</Button>
            <Button
              variant="danger"
              loading={update.isPending}
              onClick={() => update.mutate({ to: 'declined', reason: reason.trim() || undefined })}
            >
              Decline
            </Button>
          </>
        }
      >
        <div className="stack">
          {update.isError && <Alert kind="error">{errorMessage(update.error)}</Alert>}
          <Field label="Reason" hint="Shown to the partner.">
            {(c) => (
              <textarea
                {...c}
                className="textarea"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={1000}
              />
            )}
          </Field>
        </div>
      </Dialog>
    </div>
  );
}

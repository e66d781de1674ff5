import { useInfiniteQuery } from '@tanstack/react-query';
import { BadgeCheck } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { usePartnerOptions, usePrograms } from '../../api/programs';
import { queries } from '../../api/queries';
import { formatDate, leadName } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, SkeletonRows } from '../../ui/States';

const STATUS_LABEL = { signed_up: 'Signed up', paid: 'Paid' } as const;

export function CustomersPage() {
  useTitle('Customers');
  const [params, setParams] = useSearchParams();
  const status =
    params.get('status') === 'paid' || params.get('status') === 'signed_up'
      ? (params.get('status') as 'paid' | 'signed_up')
      : undefined;
  const programId = params.get('program') ?? '';
  const partnerId = params.get('partner') ?? '';
  const programs = usePrograms();
  const partners = usePartnerOptions();
  const query = useInfiniteQuery(
    queries.customerPages({
      ...(status ? { status } : {}),
      ...(programId ? { programId } : {}),
      ...(partnerId ? { partnerId } : {}),
    }),
  );
  const customers = query.data?.pages.flatMap((p) => p.data) ?? [];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div className="page">
      <PageHeader
        title="Customers"
        description="Won leads, their status and the revenue they bring."
      />
      <div className="card row" style={{ padding: 'var(--space-3) var(--space-4)' }}>
        <label className="visually-hidden" htmlFor="customers-status">
          Status
        </label>
        <select
          id="customers-status"
          className="select"
          style={{ width: 'auto' }}
          value={status ?? ''}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">Any status</option>
          <option value="signed_up">Signed up</option>
          <option value="paid">Paid</option>
        </select>
        <label className="visually-hidden" htmlFor="customers-program">
          Program
        </label>
        <select
          id="customers-program"
          className="select"
          style={{ width: 'auto' }}
          value={programId}
          onChange={(e) => set('program', e.target.value)}
        >
          <option value="">All programs</option>
          {programs.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="customers-partner">
          Partner
        </label>
        <select
          id="customers-partner"
          className="select"
          style={{ width: 'auto' }}
          value={partnerId}
          onChange={(e) => set('partner', e.target.value)}
        >
          <option value="">All partners</option>
          {partners.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !query.isPending && customers.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={<BadgeCheck size={22} />}
            title="No customers yet"
            action={<Link to="/leads">Go to leads</Link>}
          >
            A lead becomes a customer the moment you mark it won.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Partner</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Revenue
                </th>
                <th scope="col">Won</th>
              </tr>
            </thead>
            <tbody>
              {query.isPending ? (
                <SkeletonRows rows={6} columns={5} />
              ) : (
                customers.map((c) => (
                  <tr key={c.id} data-customer-id={c.id}>
                    <td>
                      <Link to={`/customers/${c.id}`}>{leadName(c.lead)}</Link>
                      <div className="subtle">
                        {[c.lead.company, c.lead.email].filter(Boolean).join(' · ')}
                      </div>
                    </td>
                    <td>{c.partner.name}</td>
                    <td>
                      <StatusBadge status={c.status} label={STATUS_LABEL[c.status]} />
                    </td>
                    <td className="num">{money(c.revenue.amount, c.revenue.currency)}</td>
                    <td className="nowrap">{formatDate(c.wonAt)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </div>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { BadgeCheck } from 'lucide-react';
import { Link } from 'react-router';
import { queries } from '../../api/queries';
import { formatDate, leadName } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import {
  FilterBar,
  PartnerFilter,
  ProgramFilter,
  SelectFilter,
  useUrlFilters,
} from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, SkeletonRows } from '../../ui/States';

const STATUS_LABEL = { signed_up: 'Signed up', paid: 'Paid' } as const;

export function CustomersPage() {
  useTitle('Customers');
  const { get, set } = useUrlFilters();
  const status =
    get('status') === 'paid' || get('status') === 'signed_up'
      ? (get('status') as 'paid' | 'signed_up')
      : undefined;
  const programId = get('program');
  const partnerId = get('partner');
  const query = useInfiniteQuery(
    queries.customerPages({
      ...(status ? { status } : {}),
      ...(programId ? { programId } : {}),
      ...(partnerId ? { partnerId } : {}),
    }),
  );
  const customers = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Customers"
        description="Won leads, their status and the revenue they bring."
      />
      <FilterBar>
        <SelectFilter
          id="customers-status"
          label="Status"
          anyLabel="Any status"
          value={status ?? ''}
          onChange={(value) => set('status', value)}
          options={[
            { value: 'signed_up', label: 'Signed up' },
            { value: 'paid', label: 'Paid' },
          ]}
        />
        <ProgramFilter
          id="customers-program"
          value={programId}
          onChange={(value) => set('program', value)}
        />
        <PartnerFilter
          id="customers-partner"
          value={partnerId}
          onChange={(value) => set('partner', value)}
        />
      </FilterBar>
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

import { useInfiniteQuery } from '@tanstack/react-query';
import { Handshake } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { FilterBar, ProgramFilter, useUrlFilters } from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, SkeletonRows } from '../../ui/States';
import { InvitePartnerDialog } from './InvitePartnerDialog';

export function PartnersPage() {
  useTitle('Partners');
  const canWrite = useCanWrite();
  const { get, set } = useUrlFilters();
  const q = get('q');
  const programId = get('program');
  const [text, setText] = useState(q);
  const [inviting, setInviting] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: debounce the text only.
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => set('q', text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useInfiniteQuery(
    queries.partnerPages({ ...(q ? { q } : {}), ...(programId ? { programId } : {}) }),
  );
  const partners = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Partners"
        description="Agencies, resellers and affiliates who send you leads."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              Invite partner
            </Button>
          )
        }
      />
      <FilterBar>
        <label htmlFor="partners-q" className="visually-hidden">
          Search partners
        </label>
        <input
          id="partners-q"
          className="input"
          style={{ flex: '1 1 240px', width: 'auto' }}
          type="search"
          placeholder="Search name or email"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ProgramFilter
          id="partners-program"
          value={programId}
          onChange={(value) => set('program', value)}
        />
      </FilterBar>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !query.isPending && partners.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={<Handshake size={22} />}
            title={q || programId ? 'No partners match' : 'No partners yet'}
            action={
              canWrite && !q ? (
                <Button onClick={() => setInviting(true)}>Invite your first partner</Button>
              ) : undefined
            }
          >
            {q || programId
              ? 'Try another search.'
              : 'Invite partners to your program: they get an email with where to submit leads.'}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {query.isPending ? (
                <SkeletonRows rows={6} columns={3} />
              ) : (
                partners.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/partners/${p.id}`}>{p.name}</Link>
                      <div className="subtle">{p.email}</div>
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td className="nowrap">{formatDate(p.createdAt)}</td>
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
      {inviting && <InvitePartnerDialog open onClose={() => setInviting(false)} />}
    </div>
  );
}

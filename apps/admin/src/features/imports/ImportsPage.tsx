import type { Import } from '@leadbridge/sdk';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { FileUp } from 'lucide-react';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useProgramMap } from '../../api/programs';
import { queries } from '../../api/queries';
import { downloadText } from '../../lib/download';
import { formatBytes, formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { FilterBar, ProgramFilter, SelectFilter, useUrlFilters } from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, ProgressBar, SkeletonRows } from '../../ui/States';
import { useToast } from '../../ui/Toast';

const STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;

function isRunning(item: Import): boolean {
  return item.status === 'queued' || item.status === 'processing';
}

function ErrorCsvButton({ item }: { item: Import }) {
  const toast = useToast();
  const download = useMutation({
    mutationFn: () => lb.imports.errorsCsv(item.id),
    onSuccess: (csv) =>
      downloadText(`${item.fileName.replace(/\.(csv|xlsx)$/i, '')}-errors.csv`, csv),
    onError: (error) =>
      toast.show(`Could not download the error file: ${errorMessage(error)}`, { kind: 'error' }),
  });
  return (
    <Button size="sm" onClick={() => download.mutate()} loading={download.isPending}>
      Error CSV ({formatNumber(item.rowsFailed)})
    </Button>
  );
}

function Progress({ item }: { item: Import }) {
  if (item.status === 'queued') return <span className="subtle">Waiting to start…</span>;
  if (item.status === 'processing') {
    const ratio = item.rowsTotal ? item.rowsProcessed / item.rowsTotal : null;
    return (
      <div className="stack-sm" style={{ minWidth: 140 }}>
        <ProgressBar value={ratio} label={`Import of ${item.fileName}`} />
        <span className="subtle">
          {formatNumber(item.rowsProcessed)}
          {item.rowsTotal ? ` of ${formatNumber(item.rowsTotal)}` : ''} rows
        </span>
      </div>
    );
  }
  if (item.status === 'failed')
    return <span className="field-error">{item.error ?? 'The file could not be processed.'}</span>;
  return (
    <span className="subtle">
      {item.completedAt ? `Finished ${formatRelative(item.completedAt)}` : 'Finished'}
    </span>
  );
}

/** Every CSV import in the company's programs, live while any is running. */
export function ImportsPage() {
  useTitle('Imports');
  const { get, set } = useUrlFilters();
  const programId = get('program');
  const status = (STATUSES as readonly string[]).includes(get('status'))
    ? (get('status') as Import['status'])
    : undefined;
  const programMap = useProgramMap();
  const query = useInfiniteQuery({
    ...queries.importPages({
      ...(programId ? { programId } : {}),
      ...(status ? { status } : {}),
    }),
    // Poll only while something is running: progress moves without a reload, idle pages stay quiet.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.data.some(isRunning)) ? 2000 : false,
  });
  const imports = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Imports"
        description="CSV files your partners uploaded, with their results and error files."
      />
      <FilterBar>
        <ProgramFilter
          id="imports-program"
          value={programId}
          onChange={(value) => set('program', value)}
        />
        <SelectFilter
          id="imports-status"
          label="Status"
          anyLabel="Any status"
          value={status ?? ''}
          onChange={(value) => set('status', value)}
          options={STATUSES.map((s) => ({
            value: s,
            label: `${s[0]?.toUpperCase()}${s.slice(1)}`,
          }))}
        />
      </FilterBar>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !query.isPending && imports.length === 0 ? (
        <div className="card">
          <EmptyState icon={<FileUp size={22} />} title="No imports yet">
            When partners import a CSV of leads from your site's lead form, each file shows up here
            with its progress and results.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Partner</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col" className="num">
                  Imported
                </th>
                <th scope="col" className="num">
                  Duplicates
                </th>
                <th scope="col" className="num">
                  Errors
                </th>
                <th scope="col">
                  <span className="visually-hidden">Error file</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.isPending ? (
                <SkeletonRows rows={6} columns={8} />
              ) : (
                imports.map((item) => (
                  <tr key={item.id} data-import-id={item.id}>
                    <td>
                      <strong>{item.fileName}</strong>
                      <div className="subtle">
                        {formatBytes(item.fileSize)} · {formatDateTime(item.createdAt)}
                        {programMap.size > 1 && ` · ${programMap.get(item.programId)?.name ?? ''}`}
                      </div>
                    </td>
                    <td>{item.partner.name}</td>
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td>
                      <Progress item={item} />
                    </td>
                    <td className="num">{formatNumber(item.rowsImported)}</td>
                    <td className="num">{formatNumber(item.rowsDuplicate)}</td>
                    <td className="num">{formatNumber(item.rowsFailed)}</td>
                    <td>{item.rowsFailed > 0 && <ErrorCsvButton item={item} />}</td>
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

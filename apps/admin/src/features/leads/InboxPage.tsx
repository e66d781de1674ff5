import { canTransition, type LeadStage } from '@leadbridge/core';
import type { Lead } from '@leadbridge/sdk';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Inbox, SearchX } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { stageLabelsOf, usePrograms } from '../../api/programs';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { leadName } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonRows } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { BulkStageDialog } from './BulkStageDialog';
import { InboxFilterBar } from './InboxFilterBar';
import {
  hasFilters,
  type InboxFilters,
  readFilters,
  toListQuery,
  writeFilters,
} from './inbox-filters';
import { LeadRow } from './LeadRow';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useInboxKeys } from './use-inbox-keys';
import { useBulkStageChange, useStageChange } from './use-stage-change';
import './inbox.css';

const BULK_ACTIONS: LeadStage[] = ['qualified', 'closed_won', 'closed_lost', 'unqualified'];

export function InboxPage() {
  useTitle('Leads');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = useCallback(
    (next: InboxFilters) => setParams(writeFilters(next), { replace: true }),
    [setParams],
  );
  const listQuery = useMemo(() => toListQuery(filters), [filters]);
  const programs = usePrograms();
  const programList = programs.data ?? [];
  const programMap = useMemo(() => new Map(programList.map((p) => [p.id, p])), [programList]);
  const stageLabels = stageLabelsOf(
    filters.programId
      ? programMap.get(filters.programId)
      : programList.length === 1
        ? programList[0]
        : undefined,
  );
  const canWrite = useCanWrite();
  const toast = useToast();
  const navigate = useNavigate();

  const query = useInfiniteQuery(queries.leadPages(listQuery));
  const leads = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [helpOpen, setHelpOpen] = useState(false);
  const [bulkTarget, setBulkTarget] = useState<{ stage: LeadStage; label: string } | null>(null);
  const lastToggled = useRef<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const single = useStageChange();
  const bulk = useBulkStageChange();

  // A new filter is a new list: the selection and cursor refer to rows no longer shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the query changes.
  useEffect(() => {
    setSelected(new Set());
    setActive(-1);
  }, [listQuery]);

  const selectedLeads = useMemo(
    () => leads.filter((lead) => selected.has(lead.id)),
    [leads, selected],
  );

  // Rows get stable callbacks (reading the current list through a ref), so loading another
  // page or moving the cursor re-renders only the rows that changed.
  const leadsRef = useRef(leads);
  leadsRef.current = leads;
  const toggle = useCallback((id: string, index: number, shift: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      const on = !current.has(id);
      // Shift-click selects the whole run since the last box ticked, like a mail client.
      if (shift && lastToggled.current !== null) {
        const [from, to] = [
          Math.min(lastToggled.current, index),
          Math.max(lastToggled.current, index),
        ];
        for (const lead of leadsRef.current.slice(from, to + 1)) {
          if (on) next.add(lead.id);
          else next.delete(lead.id);
        }
      } else if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    lastToggled.current = index;
    setActive(index);
  }, []);

  const allSelected = leads.length > 0 && leads.every((lead) => selected.has(lead.id));
  const toggleAll = () =>
    setSelected(allSelected ? new Set() : new Set(leads.map((lead) => lead.id)));

  const move = (delta: number) => {
    if (leads.length === 0) return;
    const next = Math.max(0, Math.min(leads.length - 1, active + delta));
    setActive(next);
    const row = tableRef.current?.querySelector<HTMLElement>(
      `tr[data-lead-id="${leads[next]?.id}"]`,
    );
    row?.scrollIntoView({ block: 'nearest' });
    if (next >= leads.length - 5 && query.hasNextPage && !query.isFetchingNextPage)
      void query.fetchNextPage();
  };

  const moveStage = (stage: LeadStage) => {
    if (!canWrite) {
      toast.show('You have read-only access: ask an owner or admin to change stages.', {
        kind: 'error',
      });
      return;
    }
    if (selected.size > 0) {
      setBulkTarget({ stage, label: stageLabels[stage] });
      return;
    }
    const lead: Lead | undefined = leads[active];
    if (!lead) {
      toast.show('Pick a lead first: j and k move between leads.');
      return;
    }
    if (lead.stage === stage) return;
    if (!canTransition(lead.stage, stage)) {
      toast.show(
        `${leadName(lead)} is ${lead.stageLabel}: it cannot move to ${stageLabelsOf(programMap.get(lead.programId))[stage]}.`,
        {
          kind: 'error',
        },
      );
      return;
    }
    single.mutate({ lead, stage });
  };

  useInboxKeys({
    next: () => move(1),
    previous: () => move(-1),
    toggleSelect: () => {
      const lead = leads[active];
      if (lead && canWrite) toggle(lead.id, active, false);
    },
    open: () => {
      const lead = leads[active];
      if (lead) navigate(`/leads/${lead.id}`);
    },
    qualify: () => moveStage('qualified'),
    win: () => moveStage('closed_won'),
    lose: () => moveStage('closed_lost'),
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
    clear: () => setSelected(new Set()),
  });

  // Infinite scroll: the next page loads as the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !query.hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !query.isFetchingNextPage)
          void query.fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [query.hasNextPage, query.isFetchingNextPage, query.fetchNextPage]);

  const showProgram = programList.length > 1 && !filters.programId;
  const columns = 5 + (canWrite ? 1 : 0) + (showProgram ? 1 : 0);

  return (
    <div className="page inbox">
      <PageHeader
        title="Leads"
        description="Every lead your partners registered. Work them through their stages."
        actions={
          <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            <kbd>?</kbd> Shortcuts
          </Button>
        }
      />
      <InboxFilterBar
        ref={searchRef}
        filters={filters}
        onChange={setFilters}
        stageLabels={stageLabels}
      />

      {canWrite && selected.size > 0 && (
        <section className="bulk-bar" aria-label="Bulk actions">
          <strong>{selected.size} selected</strong>
          <span className="subtle">Move to</span>
          {BULK_ACTIONS.map((stage) => (
            <Button
              key={stage}
              size="sm"
              onClick={() => setBulkTarget({ stage, label: stageLabels[stage] })}
            >
              {stageLabels[stage]}
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
        </section>
      )}

      {query.isError ? (
        <ErrorState
          error={query.error}
          onRetry={() => query.refetch()}
          title="Could not load leads"
        />
      ) : !query.isPending && leads.length === 0 ? (
        <div className="card">
          {hasFilters(filters) ? (
            <EmptyState
              icon={<SearchX size={22} />}
              title="No leads match these filters"
              action={
                <Button
                  onClick={() =>
                    setFilters({ ...readFilters(new URLSearchParams()), sort: filters.sort })
                  }
                >
                  Clear filters
                </Button>
              }
            >
              Try another stage, a wider date range or a shorter search.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<Inbox size={22} />}
              title="No leads yet"
              action={<Link to="/programs">Get the embed snippet for your site</Link>}
            >
              Leads appear here as soon as partners submit them from your site's lead form, import a
              CSV, or your server creates them with the API.
            </EmptyState>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table
            className="table inbox-table"
            aria-busy={query.isPending}
            aria-describedby="inbox-status"
          >
            <thead>
              <tr>
                {canWrite && (
                  <th className="cell-check" scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all loaded leads"
                      checked={allSelected}
                      onChange={toggleAll}
                      disabled={leads.length === 0}
                    />
                  </th>
                )}
                <th scope="col">Lead</th>
                <th scope="col" className="col-company">
                  Company
                </th>
                <th scope="col" className="col-partner">
                  Partner
                </th>
                {showProgram && (
                  <th scope="col" className="col-program">
                    Program
                  </th>
                )}
                <th scope="col">Stage</th>
                <th scope="col" className="col-created">
                  Created
                </th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {query.isPending ? (
                <SkeletonRows rows={10} columns={columns} />
              ) : (
                leads.map((lead, index) => (
                  <LeadRow
                    key={lead.id}
                    lead={lead}
                    index={index}
                    selected={selected.has(lead.id)}
                    active={index === active}
                    selectable={canWrite}
                    programName={showProgram ? (programMap.get(lead.programId)?.name ?? '—') : null}
                    onToggle={toggle}
                    onActivate={setActive}
                  />
                ))
              )}
              {query.isFetchingNextPage && <SkeletonRows rows={3} columns={columns} />}
            </tbody>
          </table>
        </div>
      )}
      <div ref={sentinel} className="row-between inbox-status">
        <span id="inbox-status" className="subtle" aria-live="polite">
          {query.isPending
            ? 'Loading leads…'
            : `${leads.length} ${leads.length === 1 ? 'lead' : 'leads'} shown${query.hasNextPage ? ' · more below' : ''}`}
        </span>
        {query.hasNextPage && (
          <Button
            size="sm"
            onClick={() => query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </div>

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <BulkStageDialog
        target={bulkTarget}
        leads={selectedLeads}
        bulk={bulk}
        onClose={() => setBulkTarget(null)}
        onDone={() => setSelected(new Set())}
      />
    </div>
  );
}

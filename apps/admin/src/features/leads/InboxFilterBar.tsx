import { LEAD_STAGES, type LeadStage } from '@leadbridge/core';
import { Search } from 'lucide-react';
import { forwardRef, useEffect, useState } from 'react';
import { PartnerFilter, ProgramFilter } from '../../ui/Filters';
import { type InboxFilters, LEAD_SORTS, SORT_LABELS } from './inbox-filters';

interface Props {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
  stageLabels: Record<LeadStage, string>;
}

/** Search, stage chips, program/partner/date filters and sort for the inbox (program and
 * partner are the shared list filters). */
export const InboxFilterBar = forwardRef<HTMLInputElement, Props>(function InboxFilterBar(
  { filters, onChange, stageLabels },
  searchRef,
) {
  const [text, setText] = useState(filters.q);
  // Typing waits for a pause before it queries, so each keystroke does not cost a request.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), 250);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  useEffect(() => setText(filters.q), [filters.q]);

  const toggleStage = (stage: LeadStage) => {
    const stages = filters.stages.includes(stage)
      ? filters.stages.filter((s) => s !== stage)
      : [...filters.stages, stage];
    onChange({ ...filters, stages: LEAD_STAGES.filter((s) => stages.includes(s)) });
  };

  return (
    <div className="inbox-filters card">
      <div className="inbox-filters-row">
        <div className="search">
          <label htmlFor="inbox-search" className="visually-hidden">
            Search leads
          </label>
          <Search size={16} aria-hidden="true" className="search-icon" />
          <input
            id="inbox-search"
            ref={searchRef}
            className="input"
            type="search"
            placeholder="Search name, email or company  ( / )"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
            }}
          />
        </div>
        <ProgramFilter
          id="inbox-program"
          value={filters.programId}
          onChange={(programId) => onChange({ ...filters, programId })}
        />
        <PartnerFilter
          id="inbox-partner"
          value={filters.partnerId}
          onChange={(partnerId) => onChange({ ...filters, partnerId })}
        />
        <label className="visually-hidden" htmlFor="inbox-sort">
          Sort
        </label>
        <select
          id="inbox-sort"
          className="select"
          value={filters.sort}
          onChange={(e) => onChange({ ...filters, sort: e.target.value as InboxFilters['sort'] })}
        >
          {LEAD_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filters-row">
        <fieldset className="chips">
          <legend className="visually-hidden">Stages</legend>
          {LEAD_STAGES.map((stage) => (
            <button
              key={stage}
              type="button"
              className={`chip stage-chip-${stage}`}
              aria-pressed={filters.stages.includes(stage)}
              onClick={() => toggleStage(stage)}
            >
              {stageLabels[stage]}
            </button>
          ))}
        </fieldset>
        <div className="row dates">
          <label className="subtle" htmlFor="inbox-from">
            Created from
          </label>
          <input
            id="inbox-from"
            className="input"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => onChange({ ...filters, from: e.target.value })}
          />
          <label className="subtle" htmlFor="inbox-to">
            to
          </label>
          <input
            id="inbox-to"
            className="input"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => onChange({ ...filters, to: e.target.value })}
          />
        </div>
      </div>
    </div>
  );
});

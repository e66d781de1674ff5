import { LEAD_STAGES, type LeadStage } from '@leadbridge/core';
import type { Partner, Program } from '@leadbridge/sdk';
import { Search } from 'lucide-react';
import { forwardRef, useEffect, useState } from 'react';
import { type InboxFilters, LEAD_SORTS, SORT_LABELS } from './inbox-filters';

interface Props {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
  programs: Program[];
  partners: Partner[];
  stageLabels: Record<LeadStage, string>;
}

/** Search, stage chips, program/partner/date filters and sort for the inbox. */
export const InboxFilterBar = forwardRef<HTMLInputElement, Props>(function InboxFilterBar(
  { filters, onChange, programs, partners, stageLabels },
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
        <label className="visually-hidden" htmlFor="inbox-program">
          Program
        </label>
        <select
          id="inbox-program"
          className="select"
          value={filters.programId}
          onChange={(e) => onChange({ ...filters, programId: e.target.value })}
        >
          <option value="">All programs</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="inbox-partner">
          Partner
        </label>
        <select
          id="inbox-partner"
          className="select"
          value={filters.partnerId}
          onChange={(e) => onChange({ ...filters, partnerId: e.target.value })}
        >
          <option value="">All partners</option>
          {filters.partnerId && !partners.some((p) => p.id === filters.partnerId) && (
            <option value={filters.partnerId}>Selected partner</option>
          )}
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
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

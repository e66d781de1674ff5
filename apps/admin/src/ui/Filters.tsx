import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { usePartnerOptions, usePrograms } from '../api/programs';

/**
 * A list page's filters kept in the URL (`?program=…&partner=…`), so a filtered list can be
 * shared and survives a reload. Setting one replaces the history entry; '' removes it.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { params, get: (key: string) => params.get(key) ?? '', set };
}

/** The row of filters above a list. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <div className="card row" style={{ padding: 'var(--space-3) var(--space-4)' }}>
      {children}
    </div>
  );
}

interface SelectFilterProps {
  id: string;
  /** The filter's name, for screen readers (the first option says it for everyone else). */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The first option, meaning "no filter" (''). */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
}

/** One filter as a drop-down; '' is "any". */
export function SelectFilter({ id, label, value, onChange, anyLabel, options }: SelectFilterProps) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        style={{ width: 'auto' }}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}

type EntityFilterProps = Pick<SelectFilterProps, 'id' | 'value' | 'onChange'>;

/** "All programs" or one of the company's programs. */
export function ProgramFilter(props: EntityFilterProps) {
  const programs = usePrograms();
  return (
    <SelectFilter
      {...props}
      label="Program"
      anyLabel="All programs"
      options={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

/**
 * "All partners" or one partner (the newest 200; a partner chosen elsewhere — a link from their
 * page — and not among them still shows as chosen).
 */
export function PartnerFilter(props: EntityFilterProps) {
  const partners = usePartnerOptions();
  const options = (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (props.value && partners.data && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: 'Selected partner' });
  }
  return <SelectFilter {...props} label="Partner" anyLabel="All partners" options={options} />;
}

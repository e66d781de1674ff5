import type { Lead } from '@leadbridge/sdk';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatDate, formatRelative, leadName } from '../../lib/format';
import { StageBadge } from '../../ui/StageBadge';

interface Props {
  lead: Lead;
  index: number;
  selected: boolean;
  active: boolean;
  selectable: boolean;
  programName: string | null;
  onToggle: (id: string, index: number, shift: boolean) => void;
  onActivate: (index: number) => void;
}

/** One inbox row; memoised so moving the cursor re-renders two rows, not the whole page. */
export const LeadRow = memo(function LeadRow({
  lead,
  index,
  selected,
  active,
  selectable,
  programName,
  onToggle,
  onActivate,
}: Props) {
  const name = leadName(lead);
  return (
    <tr
      data-lead-id={lead.id}
      data-active={active || undefined}
      aria-selected={selectable ? selected : undefined}
      onMouseDown={() => onActivate(index)}
    >
      {selectable && (
        <td className="cell-check">
          <input
            type="checkbox"
            checked={selected}
            aria-label={`Select ${name}`}
            onChange={(e) =>
              onToggle(lead.id, index, (e.nativeEvent as MouseEvent).shiftKey === true)
            }
          />
        </td>
      )}
      <td className="cell-lead">
        <Link to={`/leads/${lead.id}`} className="lead-link">
          {name}
        </Link>
        {name !== lead.email && <div className="subtle">{lead.email}</div>}
      </td>
      <td className="col-company">{lead.company ?? <span className="subtle">—</span>}</td>
      <td className="col-partner">{lead.partner.name}</td>
      {programName !== null && <td className="col-program">{programName}</td>}
      <td>
        <StageBadge stage={lead.stage} label={lead.stageLabel} />
      </td>
      <td className="col-created nowrap" title={formatDate(lead.createdAt)}>
        <time dateTime={lead.createdAt}>{formatRelative(lead.createdAt)}</time>
      </td>
    </tr>
  );
});

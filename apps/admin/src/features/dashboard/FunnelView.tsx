import type { LeadStage } from '@leadbridge/core';
import type { Funnel } from '@leadbridge/sdk';
import { formatNumber, formatPercent } from '../../lib/format';
import { STAGE_COLORS } from './chart-colors';

const STEP_STAGE: Record<Funnel['steps'][number]['key'], LeadStage> = {
  submitted: 'new',
  qualified: 'qualified',
  won: 'closed_won',
};

/** Submitted → qualified → won as bars narrowing with the conversion at each step. */
export function FunnelView({
  funnel,
  labels,
}: {
  funnel: Funnel;
  labels: Record<LeadStage, string>;
}) {
  const names: Record<Funnel['steps'][number]['key'], string> = {
    submitted: 'Submitted',
    qualified: labels.qualified,
    won: labels.closed_won,
  };
  const first = funnel.steps[0]?.count ?? 0;
  return (
    <ol className="funnel" aria-label="Conversion funnel">
      {funnel.steps.map((step) => {
        const width = first > 0 ? Math.max(4, (step.count / first) * 100) : 4;
        return (
          <li key={step.key} className="funnel-step" data-step={step.key}>
            <div className="row-between">
              <span className="funnel-name">{names[step.key]}</span>
              <span className="funnel-count">{formatNumber(step.count)}</span>
            </div>
            <div className="funnel-track" aria-hidden="true">
              <span
                style={{ width: `${width}%`, background: STAGE_COLORS[STEP_STAGE[step.key]] }}
              />
            </div>
            <span className="subtle">
              {step.rateFromPrevious === null
                ? 'All leads created in the period'
                : `${formatPercent(step.rateFromPrevious)} of the step before · ${formatPercent(step.rateFromStart)} of all`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

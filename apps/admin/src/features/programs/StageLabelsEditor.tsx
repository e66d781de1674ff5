import {
  DEFAULT_STAGE_LABELS,
  LEAD_STAGES,
  type LeadStage,
  STAGE_LABEL_MAX_LENGTH,
} from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { fieldErrors } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Field } from '../../ui/Field';
import { StageBadge } from '../../ui/StageBadge';
import { SaveBar } from './SaveBar';
import { useProgramDraft } from './use-program-save';

const HINTS: Record<LeadStage, string> = {
  new: 'Just submitted, not looked at yet.',
  qualified: 'Worth pursuing: partners are emailed.',
  unqualified: 'Not a fit (can be reopened).',
  closed_won: 'Became a customer: partners are emailed; final.',
  closed_lost: 'Did not buy: partners are emailed (can be reopened).',
};

const fromProgram = (program: Program) =>
  Object.fromEntries(
    LEAD_STAGES.map((stage) => [
      stage,
      (program.stageLabels as Partial<Record<LeadStage, string>>)[stage] ?? '',
    ]),
  ) as Record<LeadStage, string>;

/** The program's own names for the five stages; an empty one keeps the default. */
export function StageLabelsEditor({ program }: { program: Program }) {
  const state = useProgramDraft(program, fromProgram);
  const canWrite = useCanWrite();
  const errors = fieldErrors(state.save.error, 'stageLabels.');
  const save = () => {
    const stageLabels = Object.fromEntries(
      LEAD_STAGES.flatMap((stage) =>
        state.draft[stage].trim() ? [[stage, state.draft[stage].trim()]] : [],
      ),
    );
    state.save.mutate({ stageLabels });
  };
  return (
    <div className="stack" style={{ maxWidth: 720 }}>
      <p className="muted">
        Rename stages to the words your team and partners use. The meaning stays: won leads still
        become customers and earn commissions.
      </p>
      {LEAD_STAGES.map((stage) => (
        <div key={stage} className="stage-label-row">
          <Field
            label={`${DEFAULT_STAGE_LABELS[stage]} stage`}
            hint={HINTS[stage]}
            error={errors[stage]}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                placeholder={DEFAULT_STAGE_LABELS[stage]}
                maxLength={STAGE_LABEL_MAX_LENGTH}
                value={state.draft[stage]}
                readOnly={!canWrite}
                onChange={(e) => state.setDraft((d) => ({ ...d, [stage]: e.target.value }))}
              />
            )}
          </Field>
          <StageBadge
            stage={stage}
            label={state.draft[stage].trim() || DEFAULT_STAGE_LABELS[stage]}
          />
        </div>
      ))}
      <SaveBar state={state} onSave={save} fieldErrorsShown={Object.keys(errors).length > 0} />
    </div>
  );
}

import { checkApplicationQuestions, type FormField, type LeadFormSchema } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Alert } from '../../ui/States';
import { FieldEditor } from './FieldEditor';
import { changeField, checkDraft, newField, sortedFields } from './form-builder-model';
import { SaveBar } from './SaveBar';
import { useProgramDraft } from './use-program-save';

type Mode = Program['applications'];

const MODES: { value: Mode; label: string; hint: string }[] = [
  { value: 'closed', label: 'Closed', hint: 'Partners join only when you invite them.' },
  {
    value: 'approval',
    label: 'Open, with approval',
    hint: 'Anyone may apply; you approve or decline each application under Applications.',
  },
  {
    value: 'auto',
    label: 'Open, approved automatically',
    hint: 'Applicants become partners as soon as they confirm their email, and are signed in.',
  },
];

interface Draft {
  mode: Mode;
  domains: string;
  questions: FormField[];
}

const fromProgram = (program: Program): Draft => ({
  mode: program.applications,
  domains: program.applicationDomains.join('\n'),
  questions: sortedFields(program.applicationQuestions as LeadFormSchema),
});

function domainList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);
}

/**
 * Whether people may apply to join the program (closed, with approval, automatic), from which
 * email domains, and the program's own questions — built like the lead form's fields.
 */
export function ApplicationSettings({ program }: { program: Program }) {
  const state = useProgramDraft(program, fromProgram);
  const { draft, setDraft } = state;
  const canWrite = useCanWrite();
  const [expanded, setExpanded] = useState<number | null>(null);
  const checked = useMemo(
    () => checkDraft(draft.questions, checkApplicationQuestions),
    [draft.questions],
  );
  const errors = fieldErrors(state.save.error);
  const domainError = Object.entries(errors).find(([path]) =>
    path.startsWith('applicationDomains'),
  )?.[1];
  const savedKeys = useMemo(
    () => new Set(fromProgram(state.base).questions.map((field) => field.key)),
    [state.base],
  );
  const setQuestions = (update: (list: FormField[]) => FormField[]) =>
    setDraft((d) => ({ ...d, questions: update(d.questions) }));
  const move = (index: number, delta: -1 | 1) =>
    setQuestions((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + delta, 0, item);
      return next;
    });

  return (
    <div className="stack" style={{ maxWidth: 720 }}>
      <fieldset className="fieldset stack-sm">
        <legend className="field-label">Applications</legend>
        {MODES.map((mode) => (
          <label key={mode.value} className="checkbox">
            <input
              type="radio"
              name="applications-mode"
              value={mode.value}
              checked={draft.mode === mode.value}
              disabled={!canWrite}
              onChange={() => setDraft((d) => ({ ...d, mode: mode.value }))}
            />
            <span>
              {mode.label}
              <span className="subtle"> — {mode.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.mode !== 'closed' && (
        <p className="muted">
          People apply in the widget (“Not a partner yet? Apply to join” under its sign-in) and on
          the hosted portal at{' '}
          <a href={`${program.hostedPortalUrl}#apply`}>{program.hostedPortalUrl}#apply</a>.
          {draft.mode === 'approval' && (
            <>
              {' '}
              Review them under <Link to="/applications">Applications</Link>.
            </>
          )}
        </p>
      )}
      <Field
        label="Email domains allowed to apply"
        hint="One per line, e.g. example.com. Leave empty to take applications from any address."
        error={domainError}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={draft.domains}
            readOnly={!canWrite}
            onChange={(event) => setDraft((d) => ({ ...d, domains: event.target.value }))}
          />
        )}
      </Field>
      <div className="row-between">
        <h2 className="section-title">Questions to applicants</h2>
        {canWrite && (
          <Button
            onClick={() => {
              setQuestions((list) => [...list, newField(list)]);
              setExpanded(draft.questions.length);
            }}
            disabled={draft.questions.length >= 50}
          >
            + Add question
          </Button>
        )}
      </div>
      <p className="muted">
        Name, email, company and website are always asked. Add what you need to decide, with the
        same field types as the lead form.
      </p>
      {checked.general.length > 0 && <Alert kind="error">{checked.general.join(' ')}</Alert>}
      <ol className="fb-list">
        {draft.questions.map((field, index) => (
          <FieldEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited live; position is the stable identity here.
            key={index}
            field={field}
            index={index}
            count={draft.questions.length}
            errors={checked.byIndex.get(index) ?? {}}
            expanded={expanded === index || (expanded === null && checked.byIndex.has(index))}
            keyLocked={false}
            readOnly={!canWrite}
            onChange={(next) => setQuestions((list) => changeField(list, index, next, savedKeys))}
            onMove={(delta) => move(index, delta)}
            onRemove={() => {
              setQuestions((list) => list.filter((_, i) => i !== index));
              setExpanded(null);
            }}
            onToggle={() => setExpanded(expanded === index ? null : index)}
          />
        ))}
      </ol>
      <SaveBar
        state={state}
        invalid={!checked.result.ok}
        fieldErrorsShown={domainError !== undefined}
        onSave={() =>
          checked.result.ok &&
          state.save.mutate({
            applications: draft.mode,
            applicationDomains: domainList(draft.domains),
            applicationQuestions: checked.result.value,
          })
        }
      />
    </div>
  );
}

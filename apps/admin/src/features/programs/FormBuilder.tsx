import type { FormField, LeadFormSchema, StageLabels } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useMemo, useState } from 'react';
import { fieldErrors } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { Alert } from '../../ui/States';
import { FieldEditor } from './FieldEditor';
import { changeField, checkDraft, newField, sortedFields, withOrder } from './form-builder-model';
import { SaveBar } from './SaveBar';
import { useProgramDraft } from './use-program-save';
import { WidgetPreview } from './WidgetPreview';

const fromProgram = (program: Program) => sortedFields(program.formSchema as LeadFormSchema);

/** Server errors `formSchema.fields.2.label` → position 2, property `label`. */
function serverErrorsByIndex(error: unknown): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const [path, message] of Object.entries(fieldErrors(error, 'formSchema.'))) {
    const match = /^fields\.(\d+)\.?(.*)$/.exec(path);
    if (!match) continue;
    const errors = out.get(Number(match[1])) ?? {};
    errors[match[2] || 'field'] = message;
    out.set(Number(match[1]), errors);
  }
  return out;
}

/**
 * The program's lead form: add, reorder, edit and remove custom fields; built-ins stay (their
 * type fixed, email required). Checked by core on every change, previewed live in the real widget.
 */
export function FormBuilder({ program }: { program: Program }) {
  const state = useProgramDraft(program, fromProgram);
  const { draft: fields, setDraft: setFields } = state;
  const canWrite = useCanWrite();
  const [expanded, setExpanded] = useState<number | null>(null);
  const checked = useMemo(() => checkDraft(fields), [fields]);
  const savedKeys = useMemo(() => new Set(fromProgram(state.base).map((f) => f.key)), [state.base]);
  const server = serverErrorsByIndex(state.save.error);
  // The preview shows the last form core accepted, so it never renders a half-typed invalid one.
  const [lastValid, setLastValid] = useState<LeadFormSchema>({ fields: withOrder(fields) });
  if (checked.result.ok && JSON.stringify(checked.result.value) !== JSON.stringify(lastValid))
    setLastValid(checked.result.value);

  const update = (index: number, field: FormField) =>
    setFields((list) => changeField(list, index, field, savedKeys));
  const move = (index: number, delta: -1 | 1) => {
    setFields((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + delta, 0, item);
      return next;
    });
    if (expanded === index) setExpanded(index + delta);
  };
  const add = () => {
    const field = newField(fields);
    setFields((list) => [...list, field]);
    setExpanded(fields.length);
  };

  return (
    <div className="settings-split">
      <div className="stack">
        <div className="row-between">
          <p className="muted">The fields partners fill in to register a lead, in this order.</p>
          {canWrite && (
            <Button onClick={add} disabled={fields.length >= 50}>
              + Add field
            </Button>
          )}
        </div>
        {checked.general.length > 0 && <Alert kind="error">{checked.general.join(' ')}</Alert>}
        <ol className="fb-list">
          {fields.map((field, index) => (
            <FieldEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited live; position is the stable identity here.
              key={index}
              field={field}
              index={index}
              count={fields.length}
              errors={{ ...server.get(index), ...checked.byIndex.get(index) }}
              expanded={expanded === index || (expanded === null && checked.byIndex.has(index))}
              keyLocked={savedKeys.has(field.key)}
              readOnly={!canWrite}
              onChange={(next) => update(index, next)}
              onMove={(delta) => move(index, delta)}
              onRemove={() => {
                setFields((list) => list.filter((_, i) => i !== index));
                setExpanded(null);
              }}
              onToggle={() => setExpanded(expanded === index ? null : index)}
            />
          ))}
        </ol>
        <SaveBar
          state={state}
          invalid={!checked.result.ok}
          fieldErrorsShown={server.size > 0}
          onSave={() =>
            checked.result.ok && state.save.mutate({ formSchema: checked.result.value })
          }
        />
      </div>
      <div className="preview-column">
        <h2 className="section-title">Live preview</h2>
        <WidgetPreview
          programName={program.name}
          schema={lastValid}
          stageLabels={program.stageLabels as StageLabels}
        />
      </div>
    </div>
  );
}

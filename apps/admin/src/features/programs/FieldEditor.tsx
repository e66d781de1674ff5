import { type FormField, fieldTypeHasOptions, isBuiltInFieldKey } from '@leadbridge/core';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { retype, TYPE_LABELS, TYPES } from './form-builder-model';

interface Props {
  field: FormField;
  index: number;
  count: number;
  errors: Record<string, string>;
  expanded: boolean;
  /** Saved custom fields keep their key: leads already store values under it. */
  keyLocked: boolean;
  readOnly: boolean;
  onChange: (field: FormField) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onToggle: () => void;
}

/** One field of the form builder: a summary row that opens into its editor. */
export function FieldEditor({
  field,
  index,
  count,
  errors,
  expanded,
  keyLocked,
  readOnly,
  onChange,
  onMove,
  onRemove,
  onToggle,
}: Props) {
  const builtIn = isBuiltInFieldKey(field.key) && field.builtIn !== false;
  const hasErrors = Object.keys(errors).length > 0;
  const set = (patch: Partial<FormField>) => onChange({ ...field, ...patch });
  const options = field.options ?? [];
  const editorId = `field-editor-${index}`;
  return (
    <li className="fb-field" data-field-key={field.key} data-invalid={hasErrors || undefined}>
      <div className="fb-summary">
        <button
          type="button"
          className="fb-title"
          aria-expanded={expanded}
          aria-controls={editorId}
          onClick={onToggle}
        >
          <span className="fb-label">{field.label || <em>Untitled</em>}</span>
          <span className="subtle">
            {TYPE_LABELS[field.type]}
            {field.required ? ' · required' : ''}
          </span>
          {builtIn && <span className="badge">Built-in</span>}
          {hasErrors && <span className="badge badge-danger">Needs fixing</span>}
        </button>
        {!readOnly && (
          <div className="fb-actions">
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Move ${field.label} up`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              <ArrowUp size={16} aria-hidden="true" />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Move ${field.label} down`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              <ArrowDown size={16} aria-hidden="true" />
            </Button>
            {!builtIn && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${field.label}`}
                onClick={onRemove}
              >
                <X size={16} aria-hidden="true" />
              </Button>
            )}
          </div>
        )}
      </div>
      {expanded && (
        <fieldset className="fb-editor fieldset" id={editorId} disabled={readOnly}>
          <legend className="visually-hidden">{field.label} settings</legend>
          {errors.field && <p className="field-error">{errors.field}</p>}
          <div className="grid-2">
            <Field label="Label" error={errors.label}>
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={field.label}
                  onChange={(e) => set({ label: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Type"
              hint={builtIn ? 'Built-in fields keep their type.' : undefined}
              error={errors.type}
            >
              {(c) => (
                <select
                  {...c}
                  className="select"
                  value={field.type}
                  disabled={builtIn}
                  onChange={(e) => onChange(retype(field, e.target.value as FormField['type']))}
                >
                  {TYPES.map((type) => (
                    <option key={type} value={type}>
                      {TYPE_LABELS[type]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Help text" hint="Shown under the input." error={errors.helpText}>
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={field.helpText ?? ''}
                  onChange={(e) => set({ helpText: e.target.value || undefined })}
                />
              )}
            </Field>
            {!builtIn && (
              <Field
                label="Key"
                hint={
                  keyLocked
                    ? 'Used by the API and CSV; fixed once saved.'
                    : 'Used by the API and CSV columns.'
                }
                error={errors.key}
              >
                {(c) => (
                  <input
                    {...c}
                    className="input mono"
                    value={field.key}
                    readOnly={keyLocked}
                    onChange={(e) => set({ key: e.target.value })}
                  />
                )}
              </Field>
            )}
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={field.required}
              disabled={field.key === 'email' && builtIn}
              onChange={(e) => set({ required: e.target.checked })}
            />
            Required
            {field.key === 'email' && builtIn && (
              <span className="subtle"> (a lead is identified by its email)</span>
            )}
          </label>
          {errors.required && <p className="field-error">{errors.required}</p>}
          {fieldTypeHasOptions(field.type) && (
            <fieldset className="fieldset stack-sm">
              <legend className="field-label">Options</legend>
              {errors.options && <p className="field-error">{errors.options}</p>}
              {options.map((option, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; position is identity.
                <div key={i} className="fb-option">
                  <Field label={`Option ${i + 1} label`} error={errors[`options.${i}.label`]}>
                    {(c) => (
                      <input
                        {...c}
                        className="input"
                        value={option.label}
                        onChange={(e) =>
                          set({
                            options: options.map((o, j) =>
                              j === i ? { ...o, label: e.target.value } : o,
                            ),
                          })
                        }
                      />
                    )}
                  </Field>
                  <Field label="Value" error={errors[`options.${i}.value`]}>
                    {(c) => (
                      <input
                        {...c}
                        className="input mono"
                        value={option.value}
                        onChange={(e) =>
                          set({
                            options: options.map((o, j) =>
                              j === i ? { ...o, value: e.target.value } : o,
                            ),
                          })
                        }
                      />
                    )}
                  </Field>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove option ${i + 1}`}
                    onClick={() => set({ options: options.filter((_, j) => j !== i) })}
                  >
                    <X size={16} aria-hidden="true" />
                  </Button>
                </div>
              ))}
              <div>
                <Button
                  size="sm"
                  onClick={() =>
                    set({
                      options: [
                        ...options,
                        {
                          value: `option${options.length + 1}`,
                          label: `Option ${options.length + 1}`,
                        },
                      ],
                    })
                  }
                >
                  + Add option
                </Button>
              </div>
            </fieldset>
          )}
        </fieldset>
      )}
    </li>
  );
}

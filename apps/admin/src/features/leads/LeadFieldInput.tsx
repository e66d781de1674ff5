import type { FormField } from '@leadbridge/core';
import type { FieldControlProps } from '../../ui/Field';

interface Props {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  control: FieldControlProps;
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  number: 'text',
  date: 'date',
};

/** The input for one lead form field, by its type (the same types the widget renders). */
export function LeadFieldInput({ field, value, onChange, control }: Props) {
  switch (field.type) {
    case 'textarea':
      return (
        <textarea
          {...control}
          className="textarea"
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'select':
      return (
        <select
          {...control}
          className="select"
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">—</option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'multiselect': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        // Its fieldset and legend (LeadEditForm's GroupField) name this group of checkboxes.
        <div className="stack-sm" id={control.id}>
          {field.options?.map((option) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...chosen, option.value]
                      : chosen.filter((v) => v !== option.value),
                  )
                }
              />
              {option.label}
            </label>
          ))}
        </div>
      );
    }
    case 'checkbox':
      return (
        <label className="checkbox">
          <input
            {...control}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {field.label}
        </label>
      );
    default:
      return (
        <input
          {...control}
          className="input"
          type={INPUT_TYPES[field.type] ?? 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

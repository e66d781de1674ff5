import type { FormField } from '@leadbridge/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/i18n.js';
import type { FormValue } from './form-values.js';

export interface FieldContext {
  /** Prefix for element ids, unique within the widget's shadow root. */
  idPrefix: string;
  value: FormValue;
  error: string | undefined;
  disabled?: boolean;
  t: Translate;
  onValue: (key: string, value: FormValue) => void;
  /** The person left the field (blur) or committed a choice: validate it now. */
  onLeave: (key: string) => void;
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  date: 'date',
};

export function fieldId(prefix: string, key: string): string {
  return `${prefix}-${key}`;
}

function describedBy(
  id: string,
  field: FormField,
  error: string | undefined,
): string | typeof nothing {
  const ids = [field.helpText ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function requiredMark(field: FormField): TemplateResult | typeof nothing {
  return field.required
    ? html`<span class="required" part="required" aria-hidden="true">*</span>`
    : nothing;
}

function helpAndError(id: string, field: FormField, error: string | undefined) {
  return html`${
    field.helpText
      ? html`<p class="help" part="help" id="${id}-help">${field.helpText}</p>`
      : nothing
  }${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}`;
}

function textValue(value: FormValue): string {
  return typeof value === 'string' ? value : '';
}

function renderCheckbox(field: FormField, context: FieldContext, id: string): TemplateResult {
  return html`<div class="field field-checkbox" part="field" data-field=${field.key}>
    <label class="choice" for=${id} part="label">
      <input
        type="checkbox"
        id=${id}
        name=${field.key}
        part="checkbox"
        .checked=${context.value === true}
        ?required=${field.required}
        ?disabled=${context.disabled}
        aria-invalid=${context.error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, field, context.error)}
        @change=${(event: Event) => {
          context.onValue(field.key, (event.target as HTMLInputElement).checked);
          context.onLeave(field.key);
        }}
      />
      <span>${field.label}${requiredMark(field)}</span>
    </label>
    ${helpAndError(id, field, context.error)}
  </div>`;
}

function renderMultiselect(field: FormField, context: FieldContext, id: string): TemplateResult {
  const chosen = Array.isArray(context.value) ? context.value : [];
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...chosen, option] : chosen.filter((value) => value !== option);
    context.onValue(field.key, next);
  };
  return html`<fieldset
    class="field"
    part="field"
    data-field=${field.key}
    id=${id}
    tabindex="-1"
    aria-describedby=${describedBy(id, field, context.error)}
  >
    <legend part="label">
      ${field.label}${requiredMark(field)}
      ${field.required ? html`<span class="sr-only">(${context.t('field.required')})</span>` : nothing}
    </legend>
    <div class="choices">
      ${(field.options ?? []).map(
        (option, index) => html`<label class="choice" part="choice">
          <input
            type="checkbox"
            part="checkbox"
            id="${id}-${index}"
            name=${field.key}
            value=${option.value}
            .checked=${chosen.includes(option.value)}
            ?disabled=${context.disabled}
            @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
            @blur=${() => context.onLeave(field.key)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${helpAndError(id, field, context.error)}
  </fieldset>`;
}

function renderControl(field: FormField, context: FieldContext, id: string): TemplateResult {
  const common = {
    invalid: context.error ? 'true' : 'false',
    describedBy: describedBy(id, field, context.error),
  };
  const onInput = (event: Event) =>
    context.onValue(field.key, (event.target as HTMLInputElement).value);
  const onLeave = () => context.onLeave(field.key);
  if (field.type === 'textarea') {
    return html`<textarea
      id=${id}
      name=${field.key}
      part="textarea"
      .value=${textValue(context.value)}
      placeholder=${field.placeholder ?? nothing}
      ?required=${field.required}
      ?disabled=${context.disabled}
      aria-invalid=${common.invalid}
      aria-describedby=${common.describedBy}
      @input=${onInput}
      @blur=${onLeave}
    ></textarea>`;
  }
  if (field.type === 'select') {
    const value = textValue(context.value);
    return html`<select
      id=${id}
      name=${field.key}
      part="select"
      ?required=${field.required}
      ?disabled=${context.disabled}
      aria-invalid=${common.invalid}
      aria-describedby=${common.describedBy}
      @change=${(event: Event) => {
        onInput(event);
        onLeave();
      }}
    >
      <option value="" ?selected=${value === ''}>${context.t('submit.selectPlaceholder')}</option>
      ${(field.options ?? []).map(
        (option) =>
          html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`,
      )}
    </select>`;
  }
  // autocomplete off: these are the lead's details, and a browser would offer the partner's own.
  return html`<input
    id=${id}
    name=${field.key}
    part="input"
    type=${INPUT_TYPES[field.type] ?? 'text'}
    inputmode=${field.type === 'number' ? 'decimal' : nothing}
    autocomplete="off"
    .value=${textValue(context.value)}
    placeholder=${field.placeholder ?? nothing}
    ?required=${field.required}
    ?disabled=${context.disabled}
    aria-invalid=${common.invalid}
    aria-describedby=${common.describedBy}
    @input=${onInput}
    @change=${field.type === 'date' ? onLeave : nothing}
    @blur=${onLeave}
  />`;
}

/** One labelled form control for a schema field, with its help text and error. */
export function renderField(field: FormField, context: FieldContext): TemplateResult {
  const id = fieldId(context.idPrefix, field.key);
  if (field.type === 'checkbox') return renderCheckbox(field, context, id);
  if (field.type === 'multiselect') return renderMultiselect(field, context, id);
  return html`<div class="field" part="field" data-field=${field.key}>
    <label for=${id} part="label">${field.label}${requiredMark(field)}</label>
    ${renderControl(field, context, id)} ${helpAndError(id, field, context.error)}
  </div>`;
}

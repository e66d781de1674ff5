import type { FormField, HeaderMapping, Locale } from '@leadbridge/core';
import { html, nothing, type TemplateResult } from 'lit';
import { defineOnce } from '../../define.js';
import { englishTranslate, type Translate } from '../../i18n/i18n.js';
import { ViewElement } from '../view-element.js';

/**
 * Which form field each column of the file feeds: one drop-down per column, matched
 * automatically and changeable, with a warning for required fields no column feeds and for
 * fields fed twice.
 *
 * @csspart mapping - The columns' drop-downs.
 * @csspart mapping-note - The note that the API's reading of the columns was taken.
 * @csspart warning - A warning about the mapping.
 */
export class ImportMappingElement extends ViewElement {
  static override properties = {
    headers: { attribute: false },
    mapping: { attribute: false },
    fields: { attribute: false },
    fromServer: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    onMap: { attribute: false },
  };

  declare headers: readonly string[];
  declare mapping: HeaderMapping | null;
  declare fields: readonly FormField[];
  /** The API's dry run mapped required columns this browser's guess missed, and was taken. */
  declare fromServer: boolean;
  declare t: Translate;
  declare locale: Locale;
  /** A column now feeds the field with this key ('' : the column is ignored). */
  declare onMap: (column: number, key: string) => void;

  constructor() {
    super();
    this.headers = [];
    this.mapping = null;
    this.fields = [];
    this.fromServer = false;
    this.t = englishTranslate;
    this.locale = 'en';
    this.onMap = () => {};
  }

  /** "A, B and C", as the widget's language writes a list. */
  private labelsOf(keys: readonly string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(
      keys.map((key) => this.fields.find((field) => field.key === key)?.label ?? key),
    );
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const mapping = this.mapping;
    const columns = mapping?.columns ?? [];
    return html`<section class="stack" aria-labelledby="import-mapping-title">
      <h4 id="import-mapping-title">${t('import.mapping')}</h4>
      <p class="muted">${t('import.mappingHelp')}</p>
      ${this.fromServer ? html`<p class="muted" part="mapping-note" role="status">${t('import.mappingFromServer')}</p>` : nothing}
      <div class="mapping" part="mapping">
        ${this.headers.map(
          (header, index) => html`<div class="field" part="field">
            <label for="import-map-${index}" part="label">${t('import.column', { header })}</label>
            <select id="import-map-${index}" part="select" @change=${(event: Event) => this.onMap(index, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!columns[index]}>${t('import.ignore')}</option>
              ${this.fields.map(
                (field) =>
                  html`<option value=${field.key} ?selected=${columns[index] === field.key}>${field.label}${field.required ? ' *' : ''}</option>`,
              )}
            </select>
          </div>`,
        )}
      </div>
      ${
        mapping?.missingRequired.length
          ? html`<p class="warning" part="warning" role="alert">
              ${t('import.missingRequired', {
                fields: this.labelsOf(mapping.missingRequired),
                count: mapping.missingRequired.length,
              })}
            </p>`
          : nothing
      }
      ${
        mapping?.duplicated.length
          ? html`<p class="warning" part="warning">${t('import.duplicated', { fields: this.labelsOf(mapping.duplicated) })}</p>`
          : nothing
      }
    </section>`;
  }
}

defineOnce('lead-form-import-mapping', ImportMappingElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-import-mapping': ImportMappingElement;
  }
}

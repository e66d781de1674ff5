import { html, type TemplateResult } from 'lit';
import type { ImportViewElement } from './import-view.component.js';

/** A workbook's visible sheets, the first chosen, and "Preview this sheet". */
export function renderSheetPicker(view: ImportViewElement, sheets: string[]): TemplateResult {
  const { t } = view.context;
  const choose = (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const chosen = new FormData(form).get('import-sheet');
    if (typeof chosen === 'string') void view.workbook.choose(chosen);
  };
  return html`<form class="stack sheet-picker" part="sheet-picker" @submit=${choose}>
    <fieldset class="stack">
      <legend><h4 id="import-sheet-title" tabindex="-1">${t('import.sheet.title')}</h4></legend>
      <p class="muted">${t('import.sheet.help', { name: view.fileName })}</p>
      ${sheets.map(
        (sheet, index) => html`<label class="choice" part="sheet-choice">
          <input type="radio" name="import-sheet" part="radio" .value=${sheet} ?checked=${index === 0} />
          <span>${sheet}</span>
        </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button type="submit" class="primary" part="button button-primary sheet-read">${t('import.sheet.read')}</button>
      <button type="button" part="button" @click=${() => view.reset()}>${t('import.chooseOther')}</button>
    </div>
  </form>`;
}

import { css } from 'lit';

export const importViewStyles = css`
  /* The view's parts lay out as if their content stood in the view itself. */
  lead-form-import-dropzone,
  lead-form-import-mapping {
    display: contents;
  }
  .dropzone {
    display: grid;
    justify-items: center;
    gap: 0.6em;
    padding: calc(var(--_space) * 1.5);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
  }
  .dropzone.dragging {
    border-color: var(--_accent);
    background: var(--_highlight);
    color: var(--_input-text);
  }
  .mapping {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: end;
  }
  /* Narrow: one line per column, its name beside the field it feeds. */
  @container lead-form-view (max-width: 34rem) {
    .mapping .field {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
      align-items: center;
      gap: 0.6em;
    }
  }
  .counts {
    font-weight: 600;
  }
  progress {
    width: 100%;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .warning {
    padding: 0.6em 0.9em;
    border-radius: var(--_radius);
    border: 1px solid #92400e;
    background: #fffbeb;
    color: #78350f;
  }
  .sheet-picker fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .sheet-picker legend {
    padding: 0;
    margin-bottom: 0.4em;
  }
  .sheet-picker legend h4 {
    margin: 0;
  }
  /* Sheet names can be long and have no spaces: they wrap rather than widen the page. */
  .sheet-picker .choice span {
    overflow-wrap: anywhere;
    min-width: 0;
  }
`;

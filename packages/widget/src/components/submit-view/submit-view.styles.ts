import { css } from 'lit';

export const submitViewStyles = css`
  lead-form-submit {
    display: block;
  }
  .submit-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2);
    margin-bottom: var(--_space);
  }
  .lead-form-fields {
    display: grid;
    gap: var(--_space);
  }
  .menu-anchor {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + 4px);
    z-index: 10;
    min-width: 13em;
    margin: 0;
    padding: 0.3em 0;
    list-style: none;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_input-text);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.12);
  }
  [role='menuitem'] {
    display: block;
    width: 100%;
    text-align: start;
    border: 0;
    border-radius: 0;
    background: none;
    min-height: 2.4em;
    padding: 0.4em 1em;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_highlight);
  }
  .success h3 {
    margin-bottom: 0.4em;
  }
  .success .actions {
    margin-top: var(--_space);
  }
`;

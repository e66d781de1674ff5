import { css } from 'lit';

export const applyStyles = css`
  lead-form-apply {
    display: block;
    max-width: 32rem;
  }
  lead-form-apply form,
  lead-form-apply > div {
    display: grid;
    gap: var(--_space);
  }
  lead-form-apply .code-input {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-width: 12em;
  }
`;

import { css } from 'lit';

export const signInStyles = css`
  lead-form-sign-in {
    display: block;
    max-width: 28rem;
  }
  lead-form-sign-in form {
    display: grid;
    gap: var(--_space);
  }
  .code-input {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-width: 12em;
  }
`;

import { css } from 'lit';

export const messagesViewStyles = css`
  .threads {
    margin: 0;
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_divider);
  }
  .threads li {
    border-bottom: 1px solid var(--_divider);
  }
  .thread-link {
    display: grid;
    gap: 0.2em;
    width: 100%;
    text-align: start;
    border: 0;
    border-radius: 0;
    background: none;
    color: inherit;
    padding: 0.7em 0.4em;
  }
  .thread-link:hover {
    background: var(--_highlight);
    color: var(--_input-text);
  }
  .thread-subject {
    font-weight: 600;
  }
  .conversation {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.6em;
  }
  .message {
    padding: 0.6em 0.9em;
    border-radius: var(--_radius);
    border: 1px solid var(--_divider);
    max-width: 85%;
  }
  .message-body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .message.mine {
    justify-self: end;
    background: var(--_highlight);
    color: var(--_input-text);
  }
  .message-meta {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
    white-space: normal;
  }
  .message.mine .message-meta {
    color: #4b5563;
  }
`;

import { html } from 'lit';

// Inline SVG so icons follow currentColor and need no extra request; hidden from assistive
// technology because every icon button carries its own label.

export const kebabIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="5" r="2" fill="currentColor" />
  <circle cx="12" cy="12" r="2" fill="currentColor" />
  <circle cx="12" cy="19" r="2" fill="currentColor" />
</svg>`;

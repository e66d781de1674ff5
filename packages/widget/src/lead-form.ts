import { LeadFormElement } from './components/lead-form/lead-form.component.js';
import { defineOnce } from './define.js';
import type { LeadFormEventMap } from './events/lead-form-events.js';

defineOnce('lead-form', LeadFormElement);

export type {
  LeadFormErrorDetail,
  LeadFormEventMap,
  LeadFormImportedDetail,
  LeadFormReadyDetail,
  LeadFormSubmittedDetail,
} from './events/lead-form-events.js';
export { LeadFormElement };

declare global {
  interface HTMLElementTagNameMap {
    'lead-form': LeadFormElement;
  }
  interface HTMLElementEventMap extends LeadFormEventMap {}
}

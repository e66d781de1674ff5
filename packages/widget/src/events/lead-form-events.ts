/** What `<lead-form>` tells its host page. Every event bubbles and crosses the shadow root. */
export interface LeadFormReadyDetail {
  /** The program's name, when it was loaded (null in preview mode). */
  programName: string | null;
  /** Whether a partner is signed in (the form can be used at once). */
  signedIn: boolean;
  preview: boolean;
}

export interface LeadFormSubmittedDetail {
  leadId: string;
}

export interface LeadFormImportedDetail {
  importId: string;
  rowsImported: number;
  rowsFailed: number;
  rowsDuplicate: number;
}

export interface LeadFormErrorDetail {
  /** The API's problem code (`origin_not_allowed`, `duplicate_lead`…) or a widget code. */
  code: string;
  message: string;
}

export interface LeadFormEventMap {
  'lead-form:ready': CustomEvent<LeadFormReadyDetail>;
  'lead-form:submitted': CustomEvent<LeadFormSubmittedDetail>;
  'lead-form:imported': CustomEvent<LeadFormImportedDetail>;
  'lead-form:error': CustomEvent<LeadFormErrorDetail>;
}

type DetailOf<K extends keyof LeadFormEventMap> =
  LeadFormEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a host event. Dispatched from inside the shadow root with `composed`, so the host
 * page sees it retargeted to the `<lead-form>` element, wherever it listens.
 */
export function emitLeadFormEvent<K extends keyof LeadFormEventMap>(
  from: EventTarget,
  type: K,
  detail: DetailOf<K>,
): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

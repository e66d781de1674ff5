import type { LeadStage, Locale } from '@leadbridge/core';
import type { WidgetApi } from '../api/api.js';
import type { PublicProgram } from '../api/types.js';
import type { Translate } from '../i18n/i18n.js';

/** The sections of the widget; `view="…"` shows one of them on its own. */
export const VIEWS = [
  'submit',
  'import',
  'leads',
  'customers',
  'commissions',
  'summary',
  'messages',
] as const;
export type ViewName = (typeof VIEWS)[number];

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

/** Where a view asks the shell to go next, with what it needs there. */
export interface Navigation {
  view: ViewName;
  /** import: open the history rather than a new import. */
  history?: boolean;
  /** messages: start a conversation about this lead. */
  leadId?: string;
  leadName?: string;
}

/** What every lazily loaded view receives from the shell. */
export interface ViewContext {
  api: WidgetApi | null;
  program: PublicProgram;
  stageLabels: Record<LeadStage, string>;
  t: Translate;
  locale: Locale;
  navigate: (to: Navigation) => void;
  sessionExpired: () => void;
  /** Shown on its own (`view="…"`): links to other views would lead nowhere. */
  standalone: boolean;
}

import { DEFAULT_LEAD_FORM_SCHEMA, type LeadStage } from '@leadbridge/core';
import type { ReactiveController } from 'lit';
import type { WidgetApi } from '../api/api.js';
import { createApi } from '../api/create-api.js';
import { failureOf } from '../api/problems.js';
import type { PublicProgram } from '../api/types.js';
import type { LeadFormElement } from '../components/lead-form/lead-form.component.js';

/**
 * How often an open widget on a visible page asks whether the program's settings changed. The
 * answer is revalidated with its ETag (304 when nothing changed), so a change a company saves
 * reaches open widgets within seconds (docs/adr/0008).
 */
const REFRESH_MS = 3000;

/**
 * The program `<lead-form>` belongs to (its public settings: form, stage labels, what partners
 * may do), loaded by publishable key and kept fresh while the page is seen.
 */
export class ProgramController implements ReactiveController {
  program: PublicProgram | null = null;
  /** Unauthenticated calls (program settings, sign-in). */
  api: WidgetApi | null = null;
  private sequence = 0;
  private refreshing = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: LeadFormElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(this.refreshIfVisible, REFRESH_MS);
    document.addEventListener('visibilitychange', this.refreshIfVisible);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.refreshIfVisible);
  }

  /** On an interval, on return to the page, and when the API refused a lead: only while seen. */
  refreshIfVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  /** Loads the settings; true when they arrived and no later load superseded this one. */
  async load(): Promise<boolean> {
    const host = this.host;
    const key = host.publishableKey;
    if (!key) return false;
    const sequence = ++this.sequence;
    if (!this.program) host.phase = { kind: 'loading' };
    this.api = createApi({ baseUrl: host.baseUrl() });
    try {
      const program = await this.api.publicProgram(key, host.resolvedLocale);
      // The program and the language's strings load side by side; neither shows without the other.
      await host.chunks.ready;
      if (sequence !== this.sequence) return false;
      this.program = program;
      host.requestUpdate();
      return true;
    } catch (error) {
      await host.chunks.ready;
      if (sequence !== this.sequence) return false;
      const failure = failureOf(error);
      const t = host.chunks.translator;
      if (failure.status === 404) host.fail(failure.code, t('shell.error.notFound'), false);
      else if (failure.code === 'origin_not_allowed')
        host.fail(failure.code, t('shell.error.origin'), false);
      else host.failWith(failure);
      return false;
    }
  }

  /** Fetches the settings again and applies them if they changed. */
  private async refresh(): Promise<void> {
    const host = this.host;
    const key = host.publishableKey;
    const api = this.api;
    const kind = host.phase.kind;
    if (!key || !api || host.preview || this.refreshing || kind === 'loading' || kind === 'error')
      return;
    const sequence = this.sequence;
    this.refreshing = true;
    try {
      const program = await api.publicProgram(key, host.resolvedLocale);
      if (sequence === this.sequence && JSON.stringify(program) !== JSON.stringify(this.program)) {
        this.program = program;
        host.requestUpdate();
      }
    } catch (error) {
      // Archived, or no longer allowed on this site: show why now. A network hiccup keeps what
      // is on screen until the next try.
      const status = failureOf(error).status;
      if (sequence === this.sequence && (status === 404 || status === 403))
        await host.loadProgram();
    } finally {
      this.refreshing = false;
    }
  }

  /** Preview mode: the program as the admin's form builder describes it, with no network. */
  preview(): PublicProgram {
    const host = this.host;
    return {
      id: 'preview',
      name: host.programName ?? '',
      formSchema: host.schema ?? DEFAULT_LEAD_FORM_SCHEMA,
      // Only the lazily loaded views show stage labels; they fill in the defaults themselves.
      stageLabels: { ...host.stageLabels } as Record<LeadStage, string>,
      leadSubmissionEnabled: true,
      leadImportEnabled: true,
      applications: 'closed',
      applicationQuestions: { fields: [] },
      locale: host.resolvedLocale,
    };
  }
}

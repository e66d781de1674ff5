import { ImportsResource, randomUuid } from '@leadbridge/sdk/partner';
import type { ReactiveController } from 'lit';
import { failureOf } from '../api/problems.js';
import type { LeadImport } from '../api/types.js';
import type { ImportViewElement } from '../components/import-view/import-view.component.js';
import { emitLeadFormEvent } from '../events/lead-form-events.js';

const POLL_MS = 750;
const ENDED = new Set(['completed', 'failed', 'cancelled']);

/**
 * One import on the server, as the Import view runs it: the upload (one idempotency key per
 * attempt, so a retried upload never imports twice), its progress polled until it ends, and
 * cancelling it.
 */
export class ImportJobController implements ReactiveController {
  cancelling = false;
  private uploadKey: string | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ImportViewElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pollTimer);
  }

  private imports(): ImportsResource | null {
    const api = this.host.context.api;
    return api ? new ImportsResource(api.core) : null;
  }

  /** Uploads the file with its column mapping (index → field key, or null: ignored). */
  async upload(body: Blob, mapping: Record<string, string | null> | undefined): Promise<void> {
    const host = this.host;
    const imports = this.imports();
    if (!imports) return;
    const before = host.phase;
    this.uploadKey ??= randomUuid();
    host.phase = { kind: 'uploading' };
    try {
      const item = await imports.create(
        body,
        { fileName: host.fileName, ...(mapping ? { mapping } : {}) },
        { idempotencyKey: this.uploadKey },
      );
      this.uploadKey = null;
      host.reader.stop();
      this.follow(item);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) host.context.sessionExpired();
      this.uploadKey = null;
      host.phase = before.kind === 'unpreviewed' ? before : { kind: 'preview' };
      const t = host.context.t;
      host.problem =
        failure.code === 'import_already_running'
          ? t('import.running')
          : failure.code === 'lead_import_disabled'
            ? t('import.disabled')
            : failure.status === 0
              ? t('shell.error.network')
              : failure.detail || t('shell.error.generic');
      emitLeadFormEvent(host, 'lead-form:error', { code: failure.code, message: host.problem });
    }
  }

  /** Polls the import until it has finished, showing its progress. */
  private follow(item: LeadImport): void {
    const host = this.host;
    host.phase = { kind: 'importing', item };
    if (ENDED.has(item.status)) {
      this.finish(item);
      return;
    }
    this.pollTimer = setTimeout(async () => {
      const imports = this.imports();
      if (!imports || !host.isConnected) return;
      try {
        this.follow(await imports.get(item.id));
      } catch (error) {
        if (failureOf(error).status === 401) {
          host.context.sessionExpired();
          return;
        }
        // A dropped poll is not the import failing: keep following.
        this.follow(item);
      }
    }, POLL_MS);
  }

  /** Stops the running import: what it imported so far stays, the rest is not processed. */
  async cancel(item: LeadImport): Promise<void> {
    const host = this.host;
    const imports = this.imports();
    if (!imports || this.cancelling) return;
    this.cancelling = true;
    host.problem = null;
    host.requestUpdate();
    try {
      const cancelled = await imports.cancel(item.id);
      clearTimeout(this.pollTimer);
      this.follow(cancelled);
    } catch (error) {
      const failure = failureOf(error);
      const t = host.context.t;
      if (failure.status === 401) host.context.sessionExpired();
      // It finished before the cancel arrived: the next poll shows how it ended.
      else if (failure.code !== 'import_not_running') {
        host.problem =
          failure.status === 0
            ? t('shell.error.network')
            : failure.detail || t('shell.error.generic');
      }
    } finally {
      this.cancelling = false;
      host.requestUpdate();
    }
  }

  private finish(item: LeadImport): void {
    const host = this.host;
    host.phase = { kind: 'done', item };
    host.historyVersion++;
    // A cancelled import is the partner's choice: the result and the history say so, no error.
    if (item.status === 'completed') {
      emitLeadFormEvent(host, 'lead-form:imported', {
        importId: item.id,
        rowsImported: item.rowsImported,
        rowsFailed: item.rowsFailed,
        rowsDuplicate: item.rowsDuplicate,
      });
    } else if (item.status !== 'cancelled') {
      emitLeadFormEvent(host, 'lead-form:error', {
        code: 'import_failed',
        message: item.error ?? '',
      });
    }
    void host.updateComplete.then(() => host.querySelector<HTMLElement>('#import-result')?.focus());
  }
}

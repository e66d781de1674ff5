import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { type CallFailure, failureOf } from '../api/problems.js';
import type { Page } from '../api/types.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';

/**
 * One keyset-paged list (`{ data, nextCursor }`): first page, "Load more", reload when a
 * filter changes. Answers to superseded requests (a search typed further) are dropped.
 */
export class PagedList<T> implements ReactiveController {
  items: T[] = [];
  nextCursor: string | null = null;
  loading = false;
  loaded = false;
  error: CallFailure | null = null;
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | undefined) => PromiseLike<Page<T>>,
    private readonly onUnauthorized: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  reload(): Promise<void> {
    return this.load(undefined);
  }

  more(): Promise<void> {
    return this.nextCursor ? this.load(this.nextCursor) : Promise.resolve();
  }

  /** Replaces one item (after an edit) wherever it is in the list. */
  replace(match: (item: T) => boolean, next: T): void {
    this.items = this.items.map((item) => (match(item) ? next : item));
    this.host.requestUpdate();
  }

  private async load(cursor: string | undefined): Promise<void> {
    const id = ++this.request;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(cursor);
      if (id !== this.request) return;
      this.items = cursor ? [...this.items, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    } catch (error) {
      if (id !== this.request) return;
      this.error = failureOf(error);
      if (this.error.status === 401) this.onUnauthorized();
    } finally {
      if (id === this.request) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}

/** Loading, failure (with retry), empty state and "Load more" under a list. */
export function renderListFooter<T>(
  list: PagedList<T>,
  t: Translate,
  empty: MessageKey,
): TemplateResult | typeof nothing {
  if (list.error) {
    return html`<div class="alert" part="alert" role="alert">
      <p>${list.error.status === 0 ? t('shell.error.network') : list.error.detail || t('shell.error.generic')}</p>
      <button type="button" part="button" @click=${() => void (list.items.length ? list.more() : list.reload())}>
        ${t('shell.retry')}
      </button>
    </div>`;
  }
  if (list.loading)
    return html`<p class="muted" part="loading" role="status">${t('shell.loading')}</p>`;
  if (list.loaded && list.items.length === 0) {
    return html`<p class="empty" part="empty">${t(empty)}</p>`;
  }
  if (list.nextCursor) {
    return html`<div class="actions">
      <button type="button" part="button load-more" @click=${() => void list.more()}>${t('leads.loadMore')}</button>
    </div>`;
  }
  return nothing;
}

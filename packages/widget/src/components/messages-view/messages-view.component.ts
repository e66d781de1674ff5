import { MessagesResource } from '@leadbridge/sdk/partner';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { failureOf } from '../../api/problems.js';
import type { Message, MessageThread } from '../../api/types.js';
import { defineOnce } from '../../define.js';
import { formatDateTime } from '../../i18n/i18n.js';
import { statusStyles, viewsStyles } from '../../styles/views.styles.js';
import { ContextView } from '../context-view.js';
import { PagedList, renderListFooter } from '../paged-list.js';
import { messagesViewStyles } from './messages-view.styles.js';

interface Draft {
  subject: string;
  body: string;
  leadId: string | null;
  leadName: string | null;
  sending: boolean;
  errors: { subject?: string; body?: string; form?: string };
}

/**
 * Conversations with the company, optionally about a lead; unread counts; send and reply.
 *
 * @csspart threads - The list of conversations.
 * @csspart thread-link - A conversation, which opens it.
 * @csspart new-message - "New message".
 * @csspart message-form - The form of a new message.
 * @csspart thread - An open conversation.
 * @csspart conversation - Its messages.
 * @csspart message - One message.
 * @csspart reply-form - The reply form.
 */
export class MessagesViewElement extends ContextView {
  static override viewStyles = [viewsStyles, statusStyles, messagesViewStyles];
  static override properties = {
    ...ContextView.properties,
    about: { attribute: false },
    onUnreadChange: { attribute: false },
    open: { state: true },
    conversation: { state: true },
    draft: { state: true },
    reply: { state: true },
    notice: { state: true },
  };

  /** Set when the partner came from a lead's "Message the company about this lead". */
  declare about: { leadId: string; leadName: string } | null;
  declare onUnreadChange: (count: number) => void;
  declare open: MessageThread | null;
  declare conversation: Message[] | null;
  declare draft: Draft | null;
  declare reply: { body: string; sending: boolean; error: string | null };
  declare notice: string | null;

  private readonly threads = new PagedList<MessageThread>(
    this,
    async (cursor) => {
      const page = await this.resource().listThreads({
        limit: 50,
        ...(cursor ? { cursor } : {}),
      });
      if (!cursor) this.onUnreadChange(page.unreadTotal);
      return page;
    },
    () => this.context.sessionExpired(),
  );

  constructor() {
    super();
    this.about = null;
    this.onUnreadChange = () => {};
    this.open = null;
    this.conversation = null;
    this.draft = null;
    this.reply = { body: '', sending: false, error: null };
    this.notice = null;
  }

  private resource(): MessagesResource {
    const api = this.context.api;
    if (!api) throw new Error('not signed in');
    return new MessagesResource(api.core);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.threads.loaded) void this.threads.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('about') && this.about) {
      this.startDraft(this.about.leadId, this.about.leadName);
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  private startDraft(leadId: string | null, leadName: string | null): void {
    const t = this.context.t;
    this.open = null;
    this.notice = null;
    this.draft = {
      subject: leadName ? t('messages.about', { lead: leadName }) : '',
      body: '',
      leadId,
      leadName,
      sending: false,
      errors: {},
    };
    void this.focusOn(leadName ? '#message-body' : '#message-subject');
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    if (!draft || draft.sending) return;
    const t = this.context.t;
    const errors: Draft['errors'] = {};
    if (!draft.subject.trim()) errors.subject = t('messages.subjectRequired');
    if (!draft.body.trim()) errors.body = t('messages.bodyRequired');
    if (errors.subject || errors.body) {
      this.draft = { ...draft, errors };
      void this.focusOn(errors.subject ? '#message-subject' : '#message-body');
      return;
    }
    this.draft = { ...draft, sending: true, errors: {} };
    try {
      const thread = await this.resource().startThread({
        subject: draft.subject.trim(),
        body: draft.body.trim(),
        ...(draft.leadId ? { leadId: draft.leadId } : {}),
      });
      this.draft = null;
      this.notice = t('messages.sent');
      void this.threads.reload();
      await this.openThread(thread);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      this.draft = {
        ...draft,
        sending: false,
        errors: {
          form:
            failure.status === 0
              ? t('shell.error.network')
              : failure.detail || t('shell.error.generic'),
        },
      };
    }
  }

  private async openThread(thread: MessageThread): Promise<void> {
    this.open = thread;
    this.draft = null;
    this.conversation = null;
    this.reply = { body: '', sending: false, error: null };
    void this.focusOn('#thread-title');
    try {
      const resource = this.resource();
      const page = await resource.list(thread.id, { limit: 100 });
      if (this.open?.id !== thread.id) return;
      this.conversation = [...page.data].reverse();
      if (thread.unreadCount > 0) {
        await resource.markRead(thread.id);
        void this.threads.reload();
      }
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      this.notice = failure.status === 0 ? this.context.t('shell.error.network') : failure.detail;
    }
  }

  private async sendReply(event: Event): Promise<void> {
    event.preventDefault();
    const thread = this.open;
    const t = this.context.t;
    if (!thread || this.reply.sending) return;
    if (!this.reply.body.trim()) {
      this.reply = { ...this.reply, error: t('messages.bodyRequired') };
      void this.focusOn('#reply-body');
      return;
    }
    this.reply = { ...this.reply, sending: true, error: null };
    try {
      const message = await this.resource().send(thread.id, { body: this.reply.body.trim() });
      this.conversation = [...(this.conversation ?? []), message];
      this.reply = { body: '', sending: false, error: null };
      void this.threads.reload();
      void this.focusOn('#reply-body');
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status === 401) this.context.sessionExpired();
      this.reply = {
        ...this.reply,
        sending: false,
        error:
          failure.status === 0
            ? t('shell.error.network')
            : failure.detail || t('shell.error.generic'),
      };
    }
  }

  private renderDraft(draft: Draft): TemplateResult {
    const t = this.context.t;
    const update = (patch: Partial<Draft>) => (this.draft = { ...draft, ...patch });
    return html`<form part="form message-form" novalidate @submit=${this.send}>
      <div class="stack">
        <h4>${t('messages.new')}</h4>
        ${draft.leadName ? html`<p class="muted">${t('messages.about', { lead: draft.leadName })}</p>` : nothing}
        <div class="field" part="field">
          <label for="message-subject" part="label">${t('messages.subject')}<span class="required" aria-hidden="true">*</span></label>
          <input
            id="message-subject"
            part="input"
            required
            maxlength="200"
            .value=${draft.subject}
            aria-invalid=${draft.errors.subject ? 'true' : 'false'}
            aria-describedby=${draft.errors.subject ? 'message-subject-error' : nothing}
            @input=${(event: Event) => update({ subject: (event.target as HTMLInputElement).value })}
          />
          ${draft.errors.subject ? html`<p class="field-error" part="field-error" id="message-subject-error">${draft.errors.subject}</p>` : nothing}
        </div>
        <div class="field" part="field">
          <label for="message-body" part="label">${t('messages.body')}<span class="required" aria-hidden="true">*</span></label>
          <textarea
            id="message-body"
            part="textarea"
            required
            .value=${draft.body}
            aria-invalid=${draft.errors.body ? 'true' : 'false'}
            aria-describedby=${draft.errors.body ? 'message-body-error' : nothing}
            @input=${(event: Event) => update({ body: (event.target as HTMLTextAreaElement).value })}
          ></textarea>
          ${draft.errors.body ? html`<p class="field-error" part="field-error" id="message-body-error">${draft.errors.body}</p>` : nothing}
        </div>
        ${draft.errors.form ? html`<p class="alert" part="alert" role="alert">${draft.errors.form}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" part="button button-primary" aria-disabled=${draft.sending ? 'true' : 'false'}>
            ${draft.sending ? t('messages.sending') : t('messages.send')}
          </button>
          <button type="button" part="button" @click=${() => (this.draft = null)}>${t('leads.edit.cancel')}</button>
        </div>
      </div>
    </form>`;
  }

  private renderThread(thread: MessageThread): TemplateResult {
    const { t, locale } = this.context;
    return html`<div class="stack" part="thread">
      <div>
        <button type="button" class="link" part="button button-link back" @click=${() => {
          this.open = null;
          void this.focusOn(`[data-thread="${thread.id}"]`);
        }}>← ${t('messages.back')}</button>
      </div>
      <h3 id="thread-title" tabindex="-1" part="view-title">${thread.subject}</h3>
      ${thread.lead ? html`<p class="muted">${t('messages.about', { lead: thread.lead.name || thread.lead.email })}</p>` : nothing}
      ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${
        this.conversation
          ? html`<ol class="conversation" part="conversation">
              ${this.conversation.map(
                (
                  message,
                ) => html`<li class="message ${message.side === 'partner' ? 'mine' : ''}" part="message">
                  <span class="message-meta">
                    ${message.side === 'partner' ? t('messages.you') : (message.author.name ?? t('messages.company'))} ·
                    <time datetime=${message.createdAt}>${formatDateTime(message.createdAt, locale)}</time>
                  </span>
                  <span class="message-body">${message.body}</span>
                </li>`,
              )}
            </ol>`
          : html`<p class="muted" role="status">${t('shell.loading')}</p>`
      }
      <form part="form reply-form" novalidate @submit=${this.sendReply}>
        <div class="stack">
          <div class="field" part="field">
            <label for="reply-body" part="label">${t('messages.reply')}</label>
            <textarea
              id="reply-body"
              part="textarea"
              .value=${this.reply.body}
              aria-invalid=${this.reply.error ? 'true' : 'false'}
              aria-describedby=${this.reply.error ? 'reply-error' : nothing}
              @input=${(event: Event) => (this.reply = { ...this.reply, body: (event.target as HTMLTextAreaElement).value })}
            ></textarea>
            ${this.reply.error ? html`<p class="field-error" part="field-error" id="reply-error" role="alert">${this.reply.error}</p>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.reply.sending ? 'true' : 'false'}>
              ${this.reply.sending ? t('messages.sending') : t('messages.send')}
            </button>
          </div>
        </div>
      </form>
    </div>`;
  }

  protected override render(): TemplateResult {
    if (this.open) return this.renderThread(this.open);
    const { t, locale } = this.context;
    const threads = this.threads.items;
    return html`<div class="spread">
        <h3 part="view-title">${t('messages.title')}</h3>
        ${
          this.draft
            ? nothing
            : html`<button type="button" class="primary" part="button button-primary new-message" @click=${() => this.startDraft(null, null)}>
                ${t('messages.new')}
              </button>`
        }
      </div>
      ${this.notice && !this.draft ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${this.draft ? this.renderDraft(this.draft) : nothing}
      ${
        threads.length
          ? html`<ul class="threads" part="threads">
              ${threads.map(
                (thread) => html`<li>
                  <button type="button" class="thread-link" part="thread-link" data-thread=${thread.id} @click=${() => void this.openThread(thread)}>
                    <span class="spread">
                      <span class="thread-subject">${thread.subject}</span>
                      ${
                        thread.unreadCount > 0
                          ? html`<span class="badge status-pending" part="badge">${t('messages.unread', { count: thread.unreadCount })}</span>`
                          : nothing
                      }
                    </span>
                    ${thread.lead ? html`<span class="muted">${t('messages.about', { lead: thread.lead.name || thread.lead.email })}</span>` : nothing}
                    ${
                      thread.lastMessage
                        ? html`<span class="muted">${thread.lastMessage.excerpt} · ${formatDateTime(thread.lastMessage.createdAt, locale)}</span>`
                        : nothing
                    }
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${renderListFooter(this.threads, t, 'messages.empty')}`;
  }
}

defineOnce('lead-form-messages', MessagesViewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-form-messages': MessagesViewElement;
  }
}

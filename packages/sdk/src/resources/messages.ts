import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  ListQuery,
  Message,
  MessagePage,
  MessageThread,
  MessageThreadPage,
} from '../types.js';
import { Resource } from './resource.js';

/** Conversations between a company and its partners. */
export class Messages extends Resource {
  /** Threads, most recent activity first, each with the caller's side's unread count. */
  listThreads(
    query: ListQuery<'listMessageThreads'> = {},
    options?: RequestOptions,
  ): PagePromise<MessageThread, MessageThreadPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/message-threads', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /**
   * Starts a conversation with its first message. A partner writes to the company; the company
   * names the partner and program (and optionally the lead it is about).
   */
  startThread(
    body: BodyOf<'createMessageThread'>,
    options?: RequestOptions,
  ): Promise<MessageThread> {
    return this.core.run(
      this.core.http.POST('/v1/message-threads', { body, ...this.core.init('POST', options) }),
    );
  }

  /** One thread. */
  getThread(threadId: string, options?: RequestOptions): Promise<MessageThread> {
    return this.core.run(
      this.core.http.GET('/v1/message-threads/{id}', {
        params: { path: { id: threadId } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** The thread's messages, newest first. */
  list(
    threadId: string,
    query: ListQuery<'listMessages'> = {},
    options?: RequestOptions,
  ): PagePromise<Message, MessagePage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/message-threads/{id}/messages', {
            params: { path: { id: threadId }, query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Adds a message to the thread (the other side is notified). */
  send(
    threadId: string,
    body: BodyOf<'createMessage'>,
    options?: RequestOptions,
  ): Promise<Message> {
    return this.core.run(
      this.core.http.POST('/v1/message-threads/{id}/messages', {
        params: { path: { id: threadId } },
        body,
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Marks the thread read for the caller's side. */
  markRead(threadId: string, options?: RequestOptions): Promise<MessageThread> {
    return this.core.run(
      this.core.http.POST('/v1/message-threads/{id}/read', {
        params: { path: { id: threadId } },
        ...this.core.init('POST', options),
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { type Page, pageLimit } from '../common/pagination/cursor';
import { notFound, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { DomainEventsService } from '../events/domain-events.service';
import type {
  CreateMessageBody,
  CreateMessageThreadBody,
  ListMessagesQuery,
  ListMessageThreadsQuery,
  MessageDto,
  MessageThreadDto,
  MessageThreadPage,
} from './messages.dto';
import { MessagesRepository } from './messages.repository';

type Author = Actor & { type: 'user' | 'api_key' | 'partner' };

function authorOf(actor: Actor): Author {
  if (actor.type === 'system') throw new Error('the system does not write messages');
  return actor as Author;
}

/**
 * Conversations between a partner and the company, optionally about one of the partner's
 * leads. Each side has its own read mark, so unread counts are per side, not per person.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly db: DataSource,
    private readonly messages: MessagesRepository,
    private readonly events: DomainEventsService,
  ) {}

  async listThreads(
    scope: TenantScope,
    query: ListMessageThreadsQuery,
  ): Promise<MessageThreadPage> {
    const { limit, ...rest } = query;
    const page = await this.messages.listThreads(this.db.manager, scope, rest, pageLimit(limit));
    const unreadTotal = await this.messages.unreadTotal(this.db.manager, scope);
    return { ...page, unreadTotal };
  }

  async getThread(scope: TenantScope, id: string): Promise<MessageThreadDto> {
    const thread = await this.messages.findThread(this.db.manager, scope, id);
    if (!thread) throw notFound('Message thread');
    return thread;
  }

  async listMessages(
    scope: TenantScope,
    threadId: string,
    query: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    await this.getThread(scope, threadId);
    return this.messages.listMessages(
      this.db.manager,
      scope,
      threadId,
      pageLimit(query.limit),
      query.cursor,
    );
  }

  async createThread(
    actor: Actor,
    scope: TenantScope,
    body: CreateMessageThreadBody,
  ): Promise<MessageThreadDto> {
    const author = authorOf(actor);
    return this.db.transaction(async (manager) => {
      const { partnerId, programId } = await this.participants(manager, scope, body);
      if (body.leadId) {
        const inThread = await this.messages.leadBelongsTo(manager, scope.companyId, body.leadId, {
          partnerId,
          programId,
        });
        if (!inThread) throw notFound('Lead');
      }
      const threadId = await this.messages.insertThread(manager, {
        companyId: scope.companyId,
        programId,
        partnerId,
        leadId: body.leadId ?? null,
        subject: body.subject,
      });
      await this.post(manager, scope, threadId, author, body.body);
      const thread = await this.messages.findThread(manager, scope, threadId);
      if (!thread) throw notFound('Message thread');
      return thread;
    });
  }

  async createMessage(
    actor: Actor,
    scope: TenantScope,
    threadId: string,
    body: CreateMessageBody,
  ): Promise<MessageDto> {
    const author = authorOf(actor);
    return this.db.transaction(async (manager) => {
      if (!(await this.messages.lockThread(manager, scope, threadId))) {
        throw notFound('Message thread');
      }
      return this.post(manager, scope, threadId, author, body.body);
    });
  }

  async markRead(scope: TenantScope, threadId: string): Promise<MessageThreadDto> {
    const marked = await this.messages.markRead(this.db.manager, scope, threadId);
    if (!marked) throw notFound('Message thread');
    return this.getThread(scope, threadId);
  }

  private async post(
    manager: EntityManager,
    scope: TenantScope,
    threadId: string,
    author: Author,
    body: string,
  ): Promise<MessageDto> {
    const message = await this.messages.insertMessage(
      manager,
      scope.companyId,
      threadId,
      author,
      body,
    );
    await this.events.emit(manager, {
      type: 'message.created',
      companyId: scope.companyId,
      id: message.id,
      occurredAt: new Date(message.createdAt),
      actor: author,
      data: { message },
    });
    return message;
  }

  /** A partner writes in its own program; the company names an enrolled partner and program. */
  private async participants(
    manager: EntityManager,
    scope: TenantScope,
    body: CreateMessageThreadBody,
  ): Promise<{ partnerId: string; programId: string }> {
    if (scope.partnerId && scope.programId) {
      return { partnerId: scope.partnerId, programId: scope.programId };
    }
    if (!body.partnerId || !body.programId) {
      throw validationProblem([
        ...(!body.partnerId
          ? [
              {
                field: 'partnerId',
                code: 'required',
                message: 'partnerId: name the partner to write to',
              },
            ]
          : []),
        ...(!body.programId
          ? [{ field: 'programId', code: 'required', message: 'programId: name the program' }]
          : []),
      ]);
    }
    const enrolled = await this.messages.isEnrolled(
      manager,
      scope.companyId,
      body.partnerId,
      body.programId,
    );
    if (!enrolled) throw notFound('Partner in this program');
    return { partnerId: body.partnerId, programId: body.programId };
  }
}

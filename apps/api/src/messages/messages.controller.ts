import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MemberMayWrite, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  type CreateMessageBody,
  type CreateMessageThreadBody,
  createMessageBody,
  createMessageThreadBody,
  type ListMessagesQuery,
  type ListMessageThreadsQuery,
  listMessagesQuery,
  listMessageThreadsQuery,
  type MessageDto,
  type MessageThreadDto,
  type MessageThreadPage,
  messagePageSchema,
  messageSchema,
  messageThreadPageSchema,
  messageThreadSchema,
} from './messages.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@PartnerAllowed()
@Controller('v1/message-threads')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({
    summary: 'List message threads',
    description:
      "Threads, most recent activity first, each with the caller's side's unread count. A partner sees its own threads. Read-only.",
  })
  @ApiOkResponse({ standardSchema: messageThreadPageSchema })
  listMessageThreads(
    @Scope() scope: TenantScope,
    @Query({ schema: listMessageThreadsQuery }) query: ListMessageThreadsQuery,
  ): Promise<MessageThreadPage> {
    return this.messages.listThreads(scope, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Start a message thread',
    description:
      'Starts a conversation with its first message and notifies the other side by email. A partner writes to the company; the company names the partner and program (and optionally the lead it is about).',
  })
  @ApiProblems('not_found')
  @ApiCreatedResponse({ standardSchema: messageThreadSchema })
  createMessageThread(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: createMessageThreadBody }) body: CreateMessageThreadBody,
  ): Promise<MessageThreadDto> {
    return this.messages.createThread(actorOf(principal), scope, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a message thread',
    description: 'One thread with its subject, lead and unread count. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: messageThreadSchema })
  getMessageThread(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<MessageThreadDto> {
    return this.messages.getThread(scope, id);
  }

  @Get(':id/messages')
  @ApiOperation({
    summary: "List a thread's messages",
    description: "The thread's messages, newest first. Read-only.",
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: messagePageSchema })
  listMessages(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listMessagesQuery }) query: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    return this.messages.listMessages(scope, id, query);
  }

  @Post(':id/messages')
  @ApiOperation({
    summary: 'Reply in a thread',
    description: 'Adds a message to the thread and notifies the other side by email.',
  })
  @ApiProblems('not_found')
  @ApiCreatedResponse({ standardSchema: messageSchema })
  createMessage(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: createMessageBody }) body: CreateMessageBody,
  ): Promise<MessageDto> {
    return this.messages.createMessage(actorOf(principal), scope, id, body);
  }

  @MemberMayWrite()
  @Post(':id/read')
  @ApiOperation({
    summary: 'Mark a thread read',
    description: "Marks every message of the thread read for the caller's side (any member may).",
  })
  @ApiProblems('not_found')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: messageThreadSchema })
  markMessageThreadRead(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<MessageThreadDto> {
    return this.messages.markRead(scope, id);
  }
}

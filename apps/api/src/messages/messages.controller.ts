import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MemberMayWrite, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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

  /** Threads, most recent activity first, each with the caller's side's unread count. */
  @Get()
  @ApiOkResponse({ standardSchema: messageThreadPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listMessageThreads(
    @Scope() scope: TenantScope,
    @Query({ schema: listMessageThreadsQuery }) query: ListMessageThreadsQuery,
  ): Promise<MessageThreadPage> {
    return this.messages.listThreads(scope, query);
  }

  /**
   * Starts a conversation with its first message. A partner writes to the company; the company
   * names the partner and program (and optionally the lead it is about).
   */
  @Post()
  @ApiCreatedResponse({ standardSchema: messageThreadSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createMessageThread(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: createMessageThreadBody }) body: CreateMessageThreadBody,
  ): Promise<MessageThreadDto> {
    return this.messages.createThread(actorOf(principal), scope, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: messageThreadSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getMessageThread(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<MessageThreadDto> {
    return this.messages.getThread(scope, id);
  }

  /** The thread's messages, newest first. */
  @Get(':id/messages')
  @ApiOkResponse({ standardSchema: messagePageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  listMessages(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listMessagesQuery }) query: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    return this.messages.listMessages(scope, id, query);
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ standardSchema: messageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createMessage(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: createMessageBody }) body: CreateMessageBody,
  ): Promise<MessageDto> {
    return this.messages.createMessage(actorOf(principal), scope, id, body);
  }

  /** Marks the thread read for the caller's side (any member may). */
  @MemberMayWrite()
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: messageThreadSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  markMessageThreadRead(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<MessageThreadDto> {
    return this.messages.markRead(scope, id);
  }
}

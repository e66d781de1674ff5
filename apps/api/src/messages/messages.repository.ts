import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { returnedRows } from '../common/database/returned-rows';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { ListMessageThreadsQuery, MessageDto, MessageThreadDto } from './messages.dto';

/** The two sides of a conversation: a partner, and the company's people (users, API keys). */
export type Side = 'partner' | 'company';

export function sideOf(scope: TenantScope): Side {
  return scope.isPartner ? 'partner' : 'company';
}

/** Messages written by the other side after this side last read the thread. */
function unreadSql(side: Side): string {
  return side === 'company'
    ? `m.author_type = 'partner' AND (t.company_last_read_at IS NULL OR m.created_at > t.company_last_read_at)`
    : `m.author_type <> 'partner' AND (t.partner_last_read_at IS NULL OR m.created_at > t.partner_last_read_at)`;
}

interface ThreadRow {
  id: string;
  program_id: string;
  partner_id: string;
  partner_name: string;
  lead_id: string | null;
  first_name: string | null;
  last_name: string | null;
  lead_email: string | null;
  subject: string;
  last_message_at: Date;
  created_at: Date;
  cursor_ts: string;
  last_author_type: string | null;
  last_author_name: string | null;
  last_excerpt: string | null;
  last_created_at: Date | null;
  unread_count: number;
}

interface MessageRow {
  id: string;
  thread_id: string;
  author_type: 'user' | 'api_key' | 'partner';
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
  cursor_ts: string;
}

const EXCERPT_LENGTH = 200;

function threadSelect(side: Side): string {
  return `
    SELECT t.id, t.program_id, t.partner_id, p.name AS partner_name, t.lead_id, l.first_name,
           l.last_name, l.email AS lead_email, t.subject, t.last_message_at, t.created_at,
           ${keysetTimestamp('t.last_message_at')} AS cursor_ts,
           lm.author_type AS last_author_type, lm.author_name AS last_author_name,
           left(lm.body, ${EXCERPT_LENGTH}) AS last_excerpt, lm.created_at AS last_created_at,
           (SELECT count(*) FROM messages m
             WHERE m.company_id = t.company_id AND m.thread_id = t.id AND ${unreadSql(side)})::int AS unread_count
      FROM message_threads t
      JOIN partners p ON p.id = t.partner_id AND p.company_id = t.company_id
      LEFT JOIN leads l ON l.id = t.lead_id AND l.company_id = t.company_id
      LEFT JOIN LATERAL (
        SELECT m.author_type, m.author_name, m.body, m.created_at FROM messages m
         WHERE m.company_id = t.company_id AND m.thread_id = t.id
         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) lm ON true`;
}

function toThreadDto(row: ThreadRow): MessageThreadDto {
  const leadName = [row.first_name, row.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return {
    id: row.id,
    programId: row.program_id,
    partner: { id: row.partner_id, name: row.partner_name },
    lead:
      row.lead_id && row.lead_email
        ? { id: row.lead_id, name: leadName || row.lead_email, email: row.lead_email }
        : null,
    subject: row.subject,
    lastMessageAt: row.last_message_at.toISOString(),
    lastMessage:
      row.last_created_at && row.last_author_type
        ? {
            side: row.last_author_type === 'partner' ? 'partner' : 'company',
            authorName: row.last_author_name,
            excerpt: row.last_excerpt ?? '',
            createdAt: row.last_created_at.toISOString(),
          }
        : null,
    unreadCount: row.unread_count,
    createdAt: row.created_at.toISOString(),
  };
}

export function toMessageDto(row: Omit<MessageRow, 'cursor_ts'>): MessageDto {
  return {
    id: row.id,
    threadId: row.thread_id,
    side: row.author_type === 'partner' ? 'partner' : 'company',
    author: { type: row.author_type, id: row.author_id, name: row.author_name },
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

/** Threads and messages, always scoped: a partner sees its own threads in its program only. */
@Injectable()
export class MessagesRepository {
  async listThreads(
    manager: EntityManager,
    scope: TenantScope,
    query: Omit<ListMessageThreadsQuery, 'limit'>,
    limit: number,
  ): Promise<Page<MessageThreadDto>> {
    const side = sideOf(scope);
    const params: unknown[] = [];
    const where = [tenantCondition(scope, 't', params)];
    const add = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`t.${column} = $${params.length}`);
    };
    add('partner_id', query.partnerId);
    add('program_id', query.programId);
    add('lead_id', query.leadId);
    if (query.unread === 'true') {
      where.push(
        `EXISTS (SELECT 1 FROM messages m WHERE m.company_id = t.company_id AND m.thread_id = t.id AND ${unreadSql(side)})`,
      );
    }
    if (query.cursor) {
      where.push(
        afterCursor(
          decodeTimeIdCursor(query.cursor),
          { time: 't.last_message_at', id: 't.id' },
          params,
        ),
      );
    }
    params.push(limit + 1);
    const rows: ThreadRow[] = await manager.query(
      `${threadSelect(side)} WHERE ${where.join(' AND ')}
        ORDER BY t.last_message_at DESC, t.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, toThreadDto, (row) => [row.cursor_ts, row.id]);
  }

  async unreadTotal(manager: EntityManager, scope: TenantScope): Promise<number> {
    const params: unknown[] = [];
    const rows: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total
         FROM messages m JOIN message_threads t ON t.id = m.thread_id AND t.company_id = m.company_id
        WHERE ${tenantCondition(scope, 't', params)} AND ${unreadSql(sideOf(scope))}`,
      params,
    );
    return rows[0]?.total ?? 0;
  }

  async findThread(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<MessageThreadDto | null> {
    const params: unknown[] = [id];
    const rows: ThreadRow[] = await manager.query(
      `${threadSelect(sideOf(scope))} WHERE t.id = $1 AND ${tenantCondition(scope, 't', params)}`,
      params,
    );
    return rows[0] ? toThreadDto(rows[0]) : null;
  }

  /** Locks the thread (posting and reading serialise per thread); null when out of scope. */
  async lockThread(manager: EntityManager, scope: TenantScope, id: string): Promise<boolean> {
    const params: unknown[] = [id];
    const rows: unknown[] = await manager.query(
      `SELECT t.id FROM message_threads t WHERE t.id = $1 AND ${tenantCondition(scope, 't', params)} FOR UPDATE`,
      params,
    );
    return rows.length > 0;
  }

  async listMessages(
    manager: EntityManager,
    scope: TenantScope,
    threadId: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<MessageDto>> {
    const params: unknown[] = [threadId, scope.companyId];
    const where = ['m.thread_id = $1', 'm.company_id = $2'];
    if (cursor) {
      where.push(
        afterCursor(decodeTimeIdCursor(cursor), { time: 'm.created_at', id: 'm.id' }, params),
      );
    }
    params.push(limit + 1);
    const rows: MessageRow[] = await manager.query(
      `SELECT m.id, m.thread_id, m.author_type, m.author_id, m.author_name, m.body, m.created_at,
              ${keysetTimestamp('m.created_at')} AS cursor_ts
         FROM messages m WHERE ${where.join(' AND ')}
        ORDER BY m.created_at DESC, m.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, toMessageDto, (row) => [row.cursor_ts, row.id]);
  }

  async insertMessage(
    manager: EntityManager,
    companyId: string,
    threadId: string,
    author: { type: 'user' | 'api_key' | 'partner'; id: string | null; name: string | null },
    body: string,
  ): Promise<MessageDto> {
    const rows: Omit<MessageRow, 'cursor_ts'>[] = await manager.query(
      `INSERT INTO messages (company_id, thread_id, author_type, author_id, author_name, body)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, thread_id, author_type, author_id, author_name, body, created_at`,
      [companyId, threadId, author.type, author.id, author.name, body],
    );
    const message = toMessageDto(rows[0] as Omit<MessageRow, 'cursor_ts'>);
    // Writing a message means the writer's side has read everything up to it.
    const readColumn = author.type === 'partner' ? 'partner_last_read_at' : 'company_last_read_at';
    // From the row, not the DTO: the ISO string would drop the timestamp's microseconds.
    await manager.query(
      `UPDATE message_threads t SET last_message_at = m.created_at, ${readColumn} = m.created_at
         FROM messages m
        WHERE t.company_id = $1 AND t.id = $2 AND m.company_id = $1 AND m.id = $3`,
      [companyId, threadId, message.id],
    );
    return message;
  }

  /** Marks everything in the thread read for the caller's side (never moves the mark back). */
  async markRead(manager: EntityManager, scope: TenantScope, threadId: string): Promise<boolean> {
    const column = sideOf(scope) === 'partner' ? 'partner_last_read_at' : 'company_last_read_at';
    const params: unknown[] = [threadId];
    const rows = returnedRows<unknown>(
      await manager.query(
        `UPDATE message_threads t
          SET ${column} = GREATEST(t.${column},
                (SELECT max(m.created_at) FROM messages m WHERE m.company_id = t.company_id AND m.thread_id = t.id))
        WHERE t.id = $1 AND ${tenantCondition(scope, 't', params)} RETURNING t.id`,
        params,
      ),
    );
    return rows.length > 0;
  }

  /** The lead is the company's and belongs to this partner in this program. */
  async leadBelongsTo(
    manager: EntityManager,
    companyId: string,
    leadId: string,
    owner: { partnerId: string; programId: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM leads WHERE company_id = $1 AND id = $2 AND partner_id = $3 AND program_id = $4`,
      [companyId, leadId, owner.partnerId, owner.programId],
    );
    return rows.length > 0;
  }

  async insertThread(
    manager: EntityManager,
    thread: {
      companyId: string;
      programId: string;
      partnerId: string;
      leadId: string | null;
      subject: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO message_threads (company_id, program_id, partner_id, lead_id, subject)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [thread.companyId, thread.programId, thread.partnerId, thread.leadId, thread.subject],
    );
    return (rows[0] as { id: string }).id;
  }

  /** The partner is enrolled in the program (in any status). */
  async isEnrolled(
    manager: EntityManager,
    companyId: string,
    partnerId: string,
    programId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM partnerships WHERE company_id = $1 AND partner_id = $2 AND program_id = $3`,
      [companyId, partnerId, programId],
    );
    return rows.length > 0;
  }
}

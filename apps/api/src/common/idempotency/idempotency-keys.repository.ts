import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A stored key: the request it belongs to and, once answered, the answer. */
export interface StoredKey {
  request_hash: string;
  age_seconds: number;
  status_code: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
}

/** Who sent which `Idempotency-Key`. */
export interface KeyOwner {
  companyId: string;
  who: string;
  key: string;
}

/** The `Idempotency-Key` marks and stored answers. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: DataSource) {}

  /** Keeps in-progress marks fresh while their requests run. */
  async refresh(marks: KeyOwner[]): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys k SET created_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(company_id, principal, key)
        WHERE k.company_id = r.company_id AND k.principal = r.principal AND k.key = r.key
          AND k.status_code IS NULL`,
      [marks.map((m) => m.companyId), marks.map((m) => m.who), marks.map((m) => m.key)],
    );
  }

  /** Deletes keys older than `hours`; answers how many. */
  async deleteOlderThan(hours: number): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return count;
  }

  /**
   * Marks the key in progress: a fresh key, or a stale mark (older than `staleSeconds`) of the
   * same request. False when the key is someone else's to answer.
   */
  async claim(
    owner: KeyOwner,
    request: { method: string; path: string; hash: string },
    staleSeconds: number,
  ): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (company_id, principal, key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (company_id, principal, key) DO UPDATE SET created_at = now()
        WHERE idempotency_keys.status_code IS NULL
          AND idempotency_keys.request_hash = excluded.request_hash
          AND idempotency_keys.created_at < now() - make_interval(secs => $7)
       RETURNING key`,
      [
        owner.companyId,
        owner.who,
        owner.key,
        request.method,
        request.path,
        request.hash,
        staleSeconds,
      ],
    );
    return inserted.length > 0;
  }

  /** Drops an unanswered mark (the request may be retried at once). */
  async deleteMark(owner: KeyOwner): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_keys
        WHERE company_id = $1 AND principal = $2 AND key = $3 AND status_code IS NULL`,
      [owner.companyId, owner.who, owner.key],
    );
  }

  async storeAnswer(
    owner: KeyOwner,
    answer: { status: number; body: unknown; headers: Record<string, string> },
  ): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status_code = $4, response_body = $5, response_headers = $6
        WHERE company_id = $1 AND principal = $2 AND key = $3`,
      [
        owner.companyId,
        owner.who,
        owner.key,
        answer.status,
        JSON.stringify(answer.body ?? null),
        Object.keys(answer.headers).length > 0 ? JSON.stringify(answer.headers) : null,
      ],
    );
  }

  async find(owner: KeyOwner): Promise<StoredKey | null> {
    const rows: StoredKey[] = await this.db.query(
      `SELECT request_hash, status_code, response_body, response_headers,
              extract(epoch FROM now() - created_at)::float8 AS age_seconds
         FROM idempotency_keys
        WHERE company_id = $1 AND principal = $2 AND key = $3`,
      [owner.companyId, owner.who, owner.key],
    );
    return rows[0] ?? null;
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { encodeTimeIdCursor } from '../common/database/keyset';
import { TenantScope } from '../common/tenancy/tenant-scope';
import { ImportBatch } from '../imports/processing/import-batch';
import { ImportRowsRepository } from '../imports/processing/import-rows.repository';
import { insertLead } from '../leads/lead-insert.repository';
import { LeadsRepository } from '../leads/leads.repository';
import { WebhooksRepository } from '../webhooks/webhooks.repository';

/**
 * The hand-written statements, as they are sent to PostgreSQL: each repository method below is
 * run against a recorder instead of a database, and what it sends is written to
 * `src/queries/<file>.sql` (`npm run queries -w @leadbridge/api`). A change to a statement then
 * shows in review as SQL, and `test/query-snapshots.test.ts` fails when a file is stale. The
 * idea is immich's (`server/src/queries/`).
 */

const COMPANY = '00000000-0000-4000-8000-000000000001';
const PARTNER = '00000000-0000-4000-8000-000000000002';
const PROGRAM = '00000000-0000-4000-8000-000000000003';
const ID = '00000000-0000-4000-8000-000000000004';
const CURSOR = encodeTimeIdCursor('2026-01-01T00:00:00.000000Z', ID);
const company = TenantScope.company(COMPANY);
const partner = TenantScope.of({
  kind: 'partner',
  companyId: COMPANY,
  partnerId: PARTNER,
  programId: PROGRAM,
  name: 'Partner',
});
const actor = { type: 'user' as const, id: ID, name: 'Owner' };

/** Answers every statement with `rows`; records its text. */
function recorder(sent: string[], rows: (text: string) => unknown[]) {
  const db = {
    query: async (text: string) => {
      sent.push(text);
      return rows(text);
    },
    // queryPrepared runs on the transaction's connection (see common/database).
    queryRunner: {
      connect: async () => ({
        query: async (query: { text: string }) => {
          sent.push(query.text);
          return { rows: rows(query.text) };
        },
      }),
    },
    transaction: async <T>(work: (manager: unknown) => Promise<T>) => work(db),
    get manager() {
      return db;
    },
  };
  // The recorder stands in for both: repositories only call query() and manager on it.
  return db as unknown as DataSource & EntityManager;
}

interface Case {
  /** `Repository.method (variant)`: the heading of the statement in its file. */
  name: string;
  run: (db: DataSource & EntityManager) => Promise<unknown>;
  /** What the recorder answers (default: no rows). */
  rows?: (text: string) => unknown[];
}

const ONE_ROW = () => [{}];

const FILES: Record<string, Case[]> = {
  'leads.repository': [
    {
      name: 'LeadsRepository.findView',
      run: (db) => new LeadsRepository(db).findView(db, company, ID),
    },
    {
      name: 'LeadsRepository.findView (partner, locked)',
      run: (db) => new LeadsRepository(db).findView(db, partner, ID, { lock: true }),
    },
    {
      name: 'LeadsRepository.findViews',
      run: (db) => new LeadsRepository(db).findViews(db, company, [ID]),
    },
    {
      name: 'LeadsRepository.list (newest first)',
      run: (db) => new LeadsRepository(db).list(company, { stages: [], sort: '-createdAt' }),
    },
    {
      name: 'LeadsRepository.list (one stage, search, filters, next page)',
      run: (db) =>
        new LeadsRepository(db).list(partner, {
          stages: ['qualified'],
          partnerId: PARTNER,
          programId: PROGRAM,
          q: 'acme 42',
          createdFrom: '2026-01-01',
          createdTo: '2026-02-01',
          sort: 'updatedAt',
          cursor: CURSOR,
        }),
    },
    {
      name: 'LeadsRepository.list (several stages)',
      run: (db) =>
        new LeadsRepository(db).list(company, { stages: ['new', 'qualified'], sort: '-createdAt' }),
    },
    {
      name: 'LeadsRepository.insertEvent',
      run: (db) =>
        new LeadsRepository(db).insertEvent(db, {
          companyId: COMPANY,
          leadId: ID,
          type: 'edited',
          actor,
          data: {},
        }),
      rows: () => [{ id: ID }],
    },
    {
      name: 'LeadsRepository.listEvents (next page)',
      run: (db) => new LeadsRepository(db).listEvents(ID, COMPANY, { cursor: CURSOR }),
    },
    {
      name: 'LeadsRepository.findIdByRequest',
      run: (db) => new LeadsRepository(db).findIdByRequest(COMPANY, PROGRAM, 'a@b.test', 'digest'),
    },
    {
      name: 'LeadsRepository.update',
      run: (db) =>
        new LeadsRepository(db).update(db, COMPANY, ID, {
          email: 'a@b.test',
          emailNormalized: 'a@b.test',
          firstName: null,
          lastName: null,
          companyName: null,
          companyDomain: null,
          fields: {},
        }),
      rows: ONE_ROW,
    },
    {
      name: 'LeadsRepository.changeStage',
      run: (db) => new LeadsRepository(db).changeStage(db, COMPANY, ID, 'closed_won'),
      rows: ONE_ROW,
    },
    {
      name: 'LeadsRepository.lockDomain',
      run: (db) => new LeadsRepository(db).lockDomain(db, PROGRAM, 'b.test'),
    },
    {
      name: 'LeadsRepository.firstWithIdentity',
      run: (db) =>
        new LeadsRepository(db).firstWithIdentity(
          db,
          PROGRAM,
          { email: 'a@b.test', domain: 'b.test' },
          ID,
        ),
    },
    {
      name: 'LeadsRepository.registeredAt',
      run: (db) => new LeadsRepository(db).registeredAt(db, PROGRAM, 'a@b.test'),
    },
  ],
  'lead-insert.repository': [
    {
      name: 'insertLead',
      run: (db) =>
        insertLead(
          db,
          {
            companyId: COMPANY,
            program: {
              programId: PROGRAM,
              formSchema: { fields: [] },
              stageLabels: null,
              dedupePolicy: 'email',
              currency: 'EUR',
              offer: { rules: [] },
              leadSubmissionEnabled: true,
              archived: false,
              json: { formSchema: '{}', stageLabels: 'null', offer: '{}' },
            },
            partnerId: PARTNER,
            lead: { email: 'a@b.test', firstName: null, lastName: null, company: null, fields: {} },
            emailNormalized: 'a@b.test',
            companyDomain: null,
            source: 'api',
            actor,
            rateLimit: { key: 'k', limit: 1, windowSeconds: 60 },
            requestRef: null,
          },
          false,
        ),
      rows: ONE_ROW,
    },
  ],
  'import-rows.repository': [
    {
      name: 'ImportRowsRepository.writeBatch (email or domain)',
      run: (db) => {
        const batch = new ImportBatch();
        batch.leads.push({
          row: 2,
          cells: ['a@b.test'],
          data: { email: 'a@b.test', firstName: null, lastName: null, company: 'B', fields: {} },
          emailNormalized: 'a@b.test',
          companyDomain: 'b.test',
        });
        batch.errors.push({ row: 3, cells: ['x'], error: 'Email is invalid', kind: 'failed' });
        return new ImportRowsRepository().writeBatch(
          db,
          {
            importId: ID,
            companyId: COMPANY,
            programId: PROGRAM,
            partnerId: PARTNER,
            dedupePolicy: 'email_or_domain',
            actor,
          },
          batch,
        );
      },
      rows: (text) =>
        text.includes('FROM imports WHERE id = $1 FOR UPDATE') ? [{ status: 'processing' }] : [],
    },
  ],
  'webhooks.repository': [
    {
      name: 'WebhooksRepository.insertDeliveries',
      run: (db) =>
        new WebhooksRepository(db).insertDeliveries(db, {
          companyId: COMPANY,
          type: 'lead.created',
          messageId: 'evt_1',
          payload: {},
        }),
    },
    {
      name: 'WebhooksRepository.findDeliveryToSend',
      run: (db) => new WebhooksRepository(db).findDeliveryToSend(ID),
    },
    {
      name: 'WebhooksRepository.markAttempted',
      run: (db) =>
        new WebhooksRepository(db).markAttempted(
          db,
          { id: ID, expectedAttempts: 0 },
          { status: 'pending', statusCode: 500, nextAttemptAt: null },
        ),
    },
    {
      name: 'WebhooksRepository.listDeliveries (failed, next page)',
      run: (db) =>
        new WebhooksRepository(db).listDeliveries(company, ID, {
          status: 'failed',
          cursor: CURSOR,
          limit: 50,
        }),
    },
    {
      name: 'WebhooksRepository.resetDelivery',
      run: (db) => new WebhooksRepository(db).resetDelivery(db, company, ID),
    },
    {
      name: 'WebhooksRepository.attempts',
      run: (db) => new WebhooksRepository(db).attempts(company, [ID]),
    },
  ],
};

/** A statement as written in a snapshot: its own indentation removed, trailing spaces dropped. */
function tidy(text: string): string {
  const lines = text
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indents = lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [lines[0]?.trim() ?? '', ...lines.slice(1).map((line) => line.slice(cut).trimEnd())].join(
    '\n',
  );
}

/** Every snapshot file's name (without `.sql`) and content. */
export async function querySnapshots(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [file, cases] of Object.entries(FILES)) {
    const parts = ['-- Generated by `npm run queries -w @leadbridge/api`: do not edit.'];
    for (const entry of cases) {
      const sent: string[] = [];
      await entry.run(recorder(sent, entry.rows ?? (() => [])));
      parts.push(`\n-- ${entry.name}\n${sent.map((text) => `${tidy(text)};`).join('\n\n')}`);
    }
    files[file] = `${parts.join('\n')}\n`;
  }
  return files;
}

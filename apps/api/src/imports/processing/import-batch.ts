import type { LeadData } from '@leadbridge/core';

export interface LeadRow {
  row: number;
  cells: string[];
  data: LeadData;
  emailNormalized: string;
  companyDomain: string | null;
}

export interface ErrorRow {
  row: number;
  cells: string[];
  error: string;
  kind: 'failed' | 'duplicate';
}

/** The rows of one transaction, in file order. */
export class ImportBatch {
  readonly leads: LeadRow[] = [];
  readonly errors: ErrorRow[] = [];

  get size(): number {
    return this.leads.length + this.errors.length;
  }
}

/** A lead a batch inserted, and its `imported` history event (whose id names the fact). */
export interface CreatedLead {
  leadId: string;
  eventId: string;
}

/** What one batch changed; each row counts once, however often a batch is retried or resumed. */
export interface BatchCounts {
  imported: number;
  created: CreatedLead[];
  failed: number;
  duplicate: number;
}

// The API's shapes, as the SDK types them (generated from the OpenAPI document).
export type {
  Commission,
  CommissionTotals,
  Customer,
  Import as LeadImport,
  Lead,
  LeadEvent,
  Message,
  MessageThread,
  Page,
  PartnerMe,
  PartnerProgram,
  PartnerSession,
  PublicProgram,
} from '@leadbridge/sdk';

/** An RFC 9457 problem as the API sends it, with its extension members. */
export interface Problem {
  code?: string;
  detail?: string;
  errors?: {
    field: string;
    code: string;
    message: string;
    params?: Record<string, string | number>;
  }[];
  [extension: string]: unknown;
}

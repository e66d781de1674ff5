import type { LeadInput } from '@leadbridge/core';
import type { Core } from '@leadbridge/sdk/partner';
import type { Lead, PartnerMe, PublicProgram } from './types.js';

/**
 * The SDK as the widget uses it. The first load needs three calls; it makes them through the
 * SDK's client (typed routes, retries, idempotency keys, LeadbridgeError) and leaves the
 * resource groups to the views loaded later, which build them on the same `core`.
 */
export interface WidgetApi {
  /** The SDK's transport and credentials, shared by every resource group. */
  readonly core: Core;
  publicProgram(publishableKey: string, locale: string): Promise<PublicProgram>;
  me(): Promise<PartnerMe>;
  createLead(input: LeadInput, idempotencyKey: string): Promise<Lead>;
}

export interface ApiOptions {
  baseUrl: string;
  sessionToken?: string | null;
}

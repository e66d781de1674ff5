import type { Core } from '../core/core.js';

/**
 * A group of API routes (`lb.leads`, `lb.programs`, …) sharing the client's {@link Core}. Build
 * one on its own — `new LeadsResource(core)` — for a client of just the groups a page needs.
 */
export abstract class Resource {
  /** @param core the transport and credentials every group of one client shares. */
  constructor(protected readonly core: Core) {}
}

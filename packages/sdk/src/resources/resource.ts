import type { Core } from '../core/core.js';

/** A group of API routes (`lb.leads`, `lb.programs`, …) sharing the client's {@link Core}. */
export abstract class Resource {
  /** @internal */
  constructor(protected readonly core: Core) {}
}

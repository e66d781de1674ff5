import type { LeadbridgeError } from '../core/errors.js';
import type { RequestOptions } from '../core/options.js';
import type { Health as HealthDto } from '../types.js';
import { Resource } from './resource.js';

/** Liveness of the API and its database. */
export class Health extends Resource {
  /**
   * `{ status: 'ok', database: 'ok' }` when the API and its database answer; an unreachable
   * database answers 503, which throws a {@link LeadbridgeError} with `status` 503.
   */
  check(options?: RequestOptions): Promise<HealthDto> {
    return this.core.run(this.core.http.GET('/health', this.core.init('GET', options)));
  }
}

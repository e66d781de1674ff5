import type { RequestOptions } from '../core/options.js';
import type { PublicProgram, QueryOf } from '../types.js';
import { Resource } from './resource.js';

/**
 * What anyone may read about a program by its publishable key: the partner-facing part of
 * `programs`, and all of it a partner client needs (so it leaves the company's routes out).
 */
export class PublicPrograms extends Resource {
  /**
   * What anyone may read by publishable key (the widget's first call): form schema, stage
   * labels and switches. `{ locale: 'de' }` gives German default labels.
   */
  getPublic(
    publishableKey: string,
    query: QueryOf<'getPublicProgram'> = {},
    options?: RequestOptions,
  ): Promise<PublicProgram> {
    return this.core.run(
      this.core.http.GET('/v1/public/programs/{publishableKey}', {
        params: { path: { publishableKey }, query },
        ...this.core.init('GET', options),
      }),
    );
  }
}

import { z } from 'zod/mini';

export const uuidSchema = z.string().check(z.uuid('must be a UUID'));

/** ISO 8601 date-time strings in queries and bodies. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time',
});

/** `{ id }` path parameters. */
export const idParams = z.object({ id: uuidSchema });

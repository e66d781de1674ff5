import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema } from '../common/validation/common-schemas';
import type { ApiKey } from './api-key.entity';

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The key's first characters, to tell keys apart; never the key itself. */
    prefix: z.string(),
    createdBy: z.nullable(z.string()),
    createdAt: isoDateTimeSchema,
    lastUsedAt: z.nullable(isoDateTimeSchema),
    revokedAt: z.nullable(isoDateTimeSchema),
  })
  .register(z.globalRegistry, { id: 'ApiKey' });

export type ApiKeyDto = z.infer<typeof apiKeySchema>;

/** Only the create response carries `key`: it is not stored and cannot be shown again. */
export const createdApiKeySchema = z
  .object({ ...apiKeySchema.def.shape, key: z.string() })
  .register(z.globalRegistry, { id: 'CreatedApiKey' });

export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;

export const apiKeyPageSchema = pageSchema(apiKeySchema).register(z.globalRegistry, {
  id: 'ApiKeyPage',
});

export const listApiKeysQuery = z.object({ ...pageQueryShape });

export const createApiKeyBody = z
  .object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'is required'),
        z.maxLength(100, 'must be at most 100 characters'),
      ),
  })
  .register(z.globalRegistry, { id: 'CreateApiKeyRequest' });

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt ? key.lastUsedAt.toISOString() : null,
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

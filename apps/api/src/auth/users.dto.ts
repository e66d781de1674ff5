import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema } from '../common/validation/common-schemas';
import { userRoleSchema } from './account-schemas';
import type { User } from './user.entity';

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: userRoleSchema,
    createdAt: isoDateTimeSchema,
    lastSignInAt: z.nullable(isoDateTimeSchema),
  })
  .register(z.globalRegistry, { id: 'User' });

export type UserDto = z.infer<typeof userSchema>;

export const userPageSchema = pageSchema(userSchema).register(z.globalRegistry, {
  id: 'UserPage',
});

export const listUsersQuery = z.object({ ...pageQueryShape });

export const updateUserBody = z
  .object({ role: userRoleSchema })
  .register(z.globalRegistry, { id: 'UpdateUserRequest' });

export function toUserDto(
  user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'createdAt' | 'lastSignInAt'>,
): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
  };
}

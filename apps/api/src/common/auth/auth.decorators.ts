import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal } from './principal';
import type { UserRole } from './user-role';

export const PUBLIC_ROUTE = 'leadbridge:public';
export const PARTNER_ALLOWED = 'leadbridge:partner-allowed';
export const PARTNER_ONLY = 'leadbridge:partner-only';
export const REQUIRED_ROLES = 'leadbridge:roles';
export const MEMBER_WRITE_ALLOWED = 'leadbridge:member-write';
export const PROGRAM_ORIGINS = 'leadbridge:program-origins';
export const FIRST_PARTY_WRITES = 'leadbridge:first-party-writes';

/** Marks public operations in the OpenAPI document (removed there once read, see openapi.ts). */
export const PUBLIC_OPERATION_EXTENSION = 'x-leadbridge-public';
/**
 * The access rules below, stated to the OpenAPI builder as well (read and removed by openapi.ts),
 * so the document lists the security and the 403s the guard enforces for each operation.
 */
export const ACCESS_EXTENSION = 'x-leadbridge-access';
export const ROLES_EXTENSION = 'x-leadbridge-roles';
export const MEMBER_WRITE_EXTENSION = 'x-leadbridge-member-write';
export const FIRST_PARTY_WRITES_EXTENSION = 'x-leadbridge-first-party-writes';

/** No principal needed (sign-up, sign-in, public program config by publishable key, health). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/** Company principals AND partner sessions may call this route (partners see only their own). */
export const PartnerAllowed = () =>
  applyDecorators(SetMetadata(PARTNER_ALLOWED, true), ApiExtension(ACCESS_EXTENSION, 'partner'));

/**
 * A public route that partner pages call with a publishable key (it checks the program's allowed
 * origins itself): browsers on those origins may send it (CORS preflight).
 */
export const ProgramOrigins = () => SetMetadata(PROGRAM_ORIGINS, true);

/**
 * Writes here must come from the admin app (Origin / Sec-Fetch-Site), even before anyone is
 * signed in: sign-in and sign-up start cookie sessions, and a foreign page must not start one.
 */
export const FirstPartyWrites = () =>
  applyDecorators(
    SetMetadata(FIRST_PARTY_WRITES, true),
    ApiExtension(FIRST_PARTY_WRITES_EXTENSION, true),
  );

/** Only partner sessions may call this route. */
export const PartnerOnly = () =>
  applyDecorators(SetMetadata(PARTNER_ONLY, true), ApiExtension(ACCESS_EXTENSION, 'partner-only'));

/**
 * Company users need one of these roles (API keys act with the company's full rights).
 * Members are read-only by default: every non-GET route refuses them unless @MemberMayWrite().
 */
export const Roles = (...roles: UserRole[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(ROLES_EXTENSION, roles));

/** A write a read-only member may still do (sign out, mark a thread read…). */
export const MemberMayWrite = () =>
  applyDecorators(
    SetMetadata(MEMBER_WRITE_ALLOWED, true),
    ApiExtension(MEMBER_WRITE_EXTENSION, true),
  );

/** The principal the guard resolved for this request. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);

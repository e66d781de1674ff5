import type { Principal, UserPrincipal } from '../common/auth/principal';
import { forbidden } from '../common/problem/problem';

/** For routes about a person (me, sign-out, minting API keys): API keys are refused. */
export function requireUser(principal: Principal | undefined): UserPrincipal {
  if (principal?.kind !== 'user') {
    throw forbidden(
      'user_session_required',
      'Only a signed-in company user can do this; API keys and partner sessions cannot.',
    );
  }
  return principal;
}

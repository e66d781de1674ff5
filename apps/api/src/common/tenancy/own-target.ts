import { validationProblem } from '../problem/problem';

interface Named {
  programId?: string | undefined;
  partnerId?: string | undefined;
  partnerKey?: string | undefined;
}

/**
 * A partner session acts in its own program, as itself. Naming another program or partner (or
 * any partner key: the session already is one partner) is refused with a 422 on that field
 * rather than silently ignored, so a caller never believes it acted for someone else.
 */
export function assertOwnTarget(
  own: { programId: string; partnerId: string },
  named: Named,
  action: string,
): void {
  const fields = [
    named.programId && named.programId !== own.programId ? 'programId' : null,
    named.partnerId && named.partnerId !== own.partnerId ? 'partnerId' : null,
    named.partnerKey ? 'partnerKey' : null,
  ].filter((field): field is string => field !== null);
  if (fields.length === 0) return;
  throw validationProblem(
    fields.map((field) => ({
      field,
      code: 'invalid',
      message: `${field}: a partner session ${action} its own program, as itself; leave ${field} out`,
    })),
  );
}

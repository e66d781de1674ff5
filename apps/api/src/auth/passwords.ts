import { argon2id, hash, needsRehash, verify } from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20 ms per hash, so sign-in stays cheap
// for us and expensive to brute-force offline.
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
// Bounds the work one request can cause; longer passphrases gain nothing.
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...PARAMS, type: argon2id });
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown email) it still verifies
 * against a dummy, so both failures take the same time and reveal nothing.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('leadbridge-timing-equaliser');
  try {
    if (stored === null) {
      await verify(await dummyHash, password);
      return false;
    }
    return await verify(stored, password);
  } catch {
    // A malformed stored hash (e.g. imported users) is a failed sign-in, not a 500.
    return false;
  }
}

/** True when the stored hash was made with weaker parameters than today's. */
export function passwordNeedsRehash(stored: string): boolean {
  try {
    return needsRehash(stored, PARAMS);
  } catch {
    return false;
  }
}

import { randomBytes } from 'node:crypto';
import type { SeededPartner, SeededTenant } from './seed';

// biome-ignore lint/suspicious/noExplicitAny: tests assert on JSON bodies of many shapes; typing each would only restate the assertions.
export type Json = any;

/** An email (and company domain) no other test uses. */
export function uniqueEmail(tag = 'lead'): string {
  return `${tag}-${randomBytes(5).toString('hex')}@example-${randomBytes(3).toString('hex')}.com`;
}

/** Partner `index` of a seeded tenant (throws rather than letting a test read undefined). */
export function partnerOf(tenant: SeededTenant, index = 0): SeededPartner {
  const partner = tenant.partners[index];
  if (!partner) throw new Error(`tenant has no partner ${index}`);
  return partner;
}

/** The one item a test just proved is there. */
export function defined<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}

/** `list[index]`, failing the test (instead of asserting non-null) when it is missing. */
export function at<T>(list: readonly T[] | undefined, index: number): T {
  const value = list?.[index];
  if (value === undefined) throw new Error(`expected an item at index ${index}`);
  return value;
}

/** Polls `check` until it returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

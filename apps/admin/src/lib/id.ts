/**
 * A random id for client-made references. `crypto.randomUUID` needs a secure context; an admin
 * app served over plain http on a LAN address is not one, so fall back to getRandomValues.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

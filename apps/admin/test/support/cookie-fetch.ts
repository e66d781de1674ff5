import type { FetchLike } from '@leadbridge/sdk';

/**
 * A fetch for the SDK in Node that keeps the session cookie like a browser would, so a test can
 * act as a signed-in person (sign up, then create an API key) through the SDK's cookie mode.
 */
export function cookieFetch(): FetchLike {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) {
      request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  };
}

import type { FetchLike } from '@leadbridge/sdk';

/**
 * A `fetch` that keeps cookies the way a browser would for one site: what a test needs to use
 * the SDK's cookie-session mode (the admin app's) from Node, whose fetch keeps no cookies.
 */
export function cookieJarFetch(): FetchLike {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) {
      request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line);
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

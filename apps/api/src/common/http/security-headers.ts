import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import onHeaders from 'on-headers';
import { type HttpReply, type HttpRequest, requestPath } from './http';

/** Sources a page may add to the strict page policy (e.g. the docs' inline styles). */
export interface PageSources {
  styleSrc?: string[];
  imgSrc?: string[];
  fontSrc?: string[];
  connectSrc?: string[];
}

/**
 * For every answer that is not a page (JSON, CSV, scripts, files): it may load nothing and no
 * page may frame it, so an answer a browser is tricked into rendering cannot run anything.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The policy of every HTML page the API serves (the admin app, the unsubscribe pages, the
 * hosted partner pages): scripts only from this origin, never inline; styles from this origin
 * or an inline `<style nonce>` of this response; workers from this origin or a `blob:` it
 * made (the import's CSV parser); no plugins, no `<base>`, forms post here only, and no other
 * site may frame the page (clickjacking).
 */
export function pageContentSecurityPolicy(nonce: string | null, extra: PageSources = {}): string {
  const nonceSource = nonce ? [`'nonce-${nonce}'`] : [];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", ...nonceSource, ...(extra.styleSrc ?? [])]],
    ['img-src', ["'self'", 'data:', ...(extra.imgSrc ?? [])]],
    ['font-src', ["'self'", ...(extra.fontSrc ?? [])]],
    ['connect-src', ["'self'", ...(extra.connectSrc ?? [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

const NONCE = Symbol('cspNonce');
type WithNonce = ServerResponse & { [NONCE]?: string };

/**
 * The nonce an HTML answer puts on its inline `<style nonce="…">`; made on first use, and the
 * page policy of this response then allows exactly that one.
 */
export function cspNonce(reply: HttpReply): string {
  const own = reply.raw as WithNonce;
  own[NONCE] ??= randomBytes(16).toString('base64');
  return own[NONCE];
}

/**
 * Gives every answer a Content-Security-Policy when its headers go out, chosen by what it is:
 * a page (`text/html`) gets the page policy (plus the sources `pages` lists for its path
 * prefix), anything else the API policy. A handler that sets its own policy keeps it. Deciding
 * at the end means no route — including pages added later — can forget it.
 */
export function contentSecurityPolicy(
  pages: Record<string, PageSources> = {},
): (request: HttpRequest, reply: HttpReply) => void {
  const prefixes = Object.entries(pages);
  return (request, reply) => {
    // On the raw response, when its head is written: that covers answers Fastify sends and
    // answers written straight to the socket (streams, static files) alike.
    const response = reply.raw;
    onHeaders(response, () => {
      if (response.getHeader('Content-Security-Policy') !== undefined) return;
      // A 304 carries no Content-Type, and browsers copy its headers onto the cached page: any
      // policy here would replace the page's own (the admin app would load with the API's).
      if (response.statusCode === 304) return;
      const type = String(response.getHeader('Content-Type') ?? '');
      if (!/^text\/html\b/i.test(type)) {
        response.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
        return;
      }
      const path = requestPath(request);
      const extra = prefixes.find(
        ([prefix]) => path === prefix || path.startsWith(`${prefix}/`),
      )?.[1];
      const nonce = (response as WithNonce)[NONCE] ?? null;
      response.setHeader('Content-Security-Policy', pageContentSecurityPolicy(nonce, extra));
    });
  };
}

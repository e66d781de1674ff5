import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from './webhook-url-guard';

export interface WebhookHttpResult {
  statusCode: number | null;
  latencyMs: number;
  /** The first ≤ 1 kB of the response body. */
  responseExcerpt: string | null;
  error: string | null;
}

export const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * One POST to a webhook endpoint: an overall deadline, no redirects followed (a 3xx is a
 * failure: following it could lead anywhere), only the start of the response read, and the
 * connection made to an address the SSRF guard approved.
 */
export function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookHttpResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<WebhookHttpResult, 'latencyMs'>, latencyMs = elapsed()) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
      },
      (response) => {
        const latencyMs = elapsed();
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const excerpt = Buffer.concat(chunks)
            .subarray(0, RESPONSE_EXCERPT_BYTES)
            .toString('utf8');
          const statusCode = response.statusCode ?? null;
          const redirect =
            statusCode !== null && statusCode >= 300 && statusCode < 400
              ? `Redirect not followed${response.headers.location ? ` (Location: ${String(response.headers.location).slice(0, 200)})` : ''}`
              : null;
          finish({ statusCode, responseExcerpt: excerpt || null, error: redirect }, latencyMs);
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`timed out after ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    request.on('error', (error: Error) => {
      finish({ statusCode: null, responseExcerpt: null, error: error.message.slice(0, 500) });
    });
    request.end(body);
  });
}

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * SSRF protection for webhook URLs. A company chooses the URL, so without this anyone could make
 * the API POST into its own network (metadata services, databases, admin panels). Only public
 * unicast addresses are allowed: loopback, private (RFC 1918), link-local, unique-local,
 * carrier-grade NAT, multicast, broadcast, 0.0.0.0 and reserved ranges are refused, as are IPv6
 * forms that embed an IPv4 address (mapped, 6to4, Teredo, NAT64).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process(): an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 it is.
  return ipaddr.process(address).range() === 'unicast';
}

export class WebhookUrlRefused extends Error {
  constructor(
    readonly code: 'webhook_url_invalid' | 'webhook_url_not_allowed' | 'webhook_url_unresolvable',
    message: string,
  ) {
    super(message);
  }
}

function ipLiteral(hostname: string): string | null {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });
}

/** Parses and checks a webhook URL's form (http/https, no credentials). */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRefused(
      'webhook_url_invalid',
      'url must be an absolute http or https URL.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookUrlRefused('webhook_url_invalid', 'url must start with https:// or http://.');
  }
  if (url.username || url.password) {
    throw new WebhookUrlRefused(
      'webhook_url_invalid',
      'url must not contain credentials; verify the webhook signature instead.',
    );
  }
  if (!url.hostname) throw new WebhookUrlRefused('webhook_url_invalid', 'url needs a host.');
  return url;
}

/**
 * Refuses a URL whose host is, or resolves to, a non-public address. Checked when an endpoint is
 * saved (a clear error for the company) and again by every delivery (DNS may have changed).
 */
export async function assertDeliverableUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (allowPrivate) return url;
  const literal = ipLiteral(url.hostname);
  if (literal) {
    if (!isPublicAddress(literal)) {
      throw new WebhookUrlRefused(
        'webhook_url_not_allowed',
        `${literal} is a private, loopback or reserved address; webhooks go to public addresses only.`,
      );
    }
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(url.hostname);
  } catch {
    throw new WebhookUrlRefused(
      'webhook_url_unresolvable',
      `${url.hostname} does not resolve to an address.`,
    );
  }
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused || addresses.length === 0) {
    throw new WebhookUrlRefused(
      'webhook_url_not_allowed',
      `${url.hostname} resolves to ${refused?.address ?? 'no address'}, a private, loopback or reserved address; webhooks go to public addresses only.`,
    );
  }
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses non-public answers. The connection is made to the
 * address checked here, so a DNS answer that changes between check and connect (rebinding)
 * cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const problem: NodeJS.ErrnoException = new Error(
          `refused: ${hostname} resolves to ${refused?.address ?? 'no address'}, which is not a public address`,
        );
        problem.code = 'EWEBHOOKPRIVATE';
        return callback(problem, '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

// Format rules for single values, shared by the lead validator and the CSV coercer. Written by
// hand rather than with `URL` or zod so they behave identically in every browser and in Node,
// and cost a few hundred bytes in the widget.

/** Length in code points, which is what PostgreSQL's varchar(n) counts, not UTF-16 units. */
export function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function exceedsLength(value: string, max: number): boolean {
  return value.length > max && characterCount(value) > max;
}

// NUL cannot be stored by PostgreSQL, other C0 controls are invisible garbage from binary
// files, and lone surrogates cannot be encoded as UTF-8. Tab, LF and CR are ordinary text.
export function hasForbiddenCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    } else if (code === 0x7f) {
      return true;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** A one-line input cannot hold line breaks; a pasted or CSV value may, so fold them. */
export function toSingleLine(value: string): string {
  return /[\r\n\t]/.test(value) ? value.replace(/[\r\n\t]+/g, ' ') : value;
}

export const EMAIL_MAX_LENGTH = 254;
const EMAIL_LOCAL_PART =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** Domain names with at least two labels and an alphabetic TLD (IDNs allowed). */
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isValidDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  // Fast path for the usual ASCII domain; imports check a million of these.
  if (ASCII_DOMAIN.test(domain)) return true;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? '';
  return TOP_LEVEL_DOMAIN.test(tld) && labels.every((label) => DOMAIN_LABEL.test(label));
}

/**
 * A "sane" address: what people type and mail servers accept, not the full RFC 5322 grammar
 * (quoted local parts and IP-literal domains are refused on purpose).
 */
export function isValidEmail(email: string): boolean {
  if (email.length > EMAIL_MAX_LENGTH) return false;
  const at = email.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return EMAIL_LOCAL_PART.test(email.slice(0, at)) && isValidDomain(email.slice(at + 1));
}

export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 20;

/** Returns the phone number with its spacing tidied, or null when it is not one. */
export function normalizePhone(value: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(value)) return null;
  const digits = value.replace(/\D/g, '').length;
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) return null;
  return value.replace(/\s+/g, ' ');
}

export const URL_MAX_LENGTH = 2048;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Returns the URL with `https://` added when the scheme is missing and the scheme and host
 * lower-cased, or null. Only http(s) is accepted so a stored link can never run script
 * (`javascript:`) when an admin clicks it.
 */
export function normalizeUrl(value: string): string | null {
  if (/\s/.test(value) || hasForbiddenCharacters(value)) return null;
  let url = value;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) {
    const rest = url.slice(scheme[0].length);
    if (rest.startsWith('//')) {
      const name = (scheme[1] ?? '').toLowerCase();
      if (name !== 'http' && name !== 'https') return null;
      url = `${name}:${rest}`;
    } else if (/^\d+(?:[/?#]|$)/.test(rest)) {
      // `example.com:8080/x` reads like a scheme but is a host and port.
      url = `https://${url}`;
    } else {
      return null;
    }
  } else {
    url = url.startsWith('//') ? `https:${url}` : `https://${url}`;
  }
  const parts = /^(https?):\/\/([^/?#]*)(.*)$/.exec(url);
  if (!parts) return null;
  const authority = parts[2] ?? '';
  const hostPort = /^([^:@]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) return null;
  const host = (hostPort[1] ?? '').toLowerCase().replace(/\.$/, '');
  const port = hostPort[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  if (!isValidDomain(host) && !IPV4.test(host)) return null;
  const rest = parts[3] ?? '';
  if (rest !== '' && !/^[/?#]/.test(rest)) return null;
  return `${parts[1]}://${host}${port === undefined ? '' : `:${port}`}${rest}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar date written as `YYYY-MM-DD` (no Feb 30, no month 13, year 0001–9999). */
export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Plain decimal notation only: `12`, `-3.5`, `.5`, `1e3`; no grouping, no locale. */
export function parseDecimal(value: string): number | null {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

import { isFreeMailDomain } from '@leadbridge/core';

/** The two lines a web developer pastes into the company's site. */
export function embedSnippet(publishableKey: string, origin = window.location.origin): string {
  return `<script type="module" src="${origin}/widget/lead-form.js"></script>\n<lead-form publishable-key="${publishableKey}"></lead-form>`;
}

/**
 * The origin (`https://host[:port]`) of a page address as a person types it: the scheme may be
 * left out; a path is dropped. Null when it is no web address.
 */
export function originOf(address: string): string | null {
  const text = address.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** A guess at the company's website from a work email (none for free mail providers). */
export function suggestedSite(email: string): string | null {
  const domain = email.split('@')[1]?.trim().toLowerCase();
  if (!domain || isFreeMailDomain(domain)) return null;
  return `https://www.${domain.replace(/^www\./, '')}`;
}

/** Where the program's origins are edited: the General tab, scrolled to the field. */
export const originsSettingsPath = (programId: string) =>
  `/programs/${programId}?tab=general#allowed-origins`;

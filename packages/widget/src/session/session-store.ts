/**
 * Where an in-widget sign-in keeps its token: sessionStorage (gone when the tab closes), keyed
 * by publishable key so two programs' widgets on one page keep separate partners.
 */
const PREFIX = 'lead-form:session:';

interface StoredSession {
  token: string;
  expiresAt: string;
}

export function readStoredSession(publishableKey: string): string | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + publishableKey);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof stored.token !== 'string') return null;
    if (stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(PREFIX + publishableKey);
      return null;
    }
    return stored.token;
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): sign in again then.
    return null;
  }
}

export function storeSession(publishableKey: string, session: StoredSession): void {
  try {
    sessionStorage.setItem(PREFIX + publishableKey, JSON.stringify(session));
  } catch {
    // Not persisted: the partner stays signed in until the page is left.
  }
}

export function clearStoredSession(publishableKey: string): void {
  try {
    sessionStorage.removeItem(PREFIX + publishableKey);
  } catch {
    // Nothing was stored.
  }
}

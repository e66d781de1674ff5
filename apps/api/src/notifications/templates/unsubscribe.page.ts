import type { UnsubscribeTarget } from '../unsubscribe.service';
import { escapeHtml } from './html';

// One inline stylesheet, allowed by the page's Content-Security-Policy through its nonce
// (no style attributes: a strict policy refuses those).
const STYLE =
  'body{font:16px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#1f2328}' +
  'h1{font-size:22px}button{font:inherit;padding:8px 16px}';

function page(title: string, body: string, nonce: string, lang = 'en'): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style nonce="${escapeHtml(nonce)}">${STYLE}</style></head>` +
    `<body>${body}</body></html>`
  );
}

/**
 * Shown by GET: opening a link must not unsubscribe by itself (mail scanners open links), so the
 * page asks for one click, which POSTs to the same URL like a mail client's one-click would.
 * In the partner's email language, like the email the link came from.
 */
export function unsubscribeConfirmPage(
  target: UnsubscribeTarget,
  action: string,
  nonce: string,
): string {
  const { t, locale } = target.text;
  const params = { kind: t(`kind.${target.kind}`), company: target.companyName };
  return page(
    t('unsubscribe.title'),
    `<h1>${escapeHtml(t('unsubscribe.question', params))}</h1>` +
      `<p>${escapeHtml(t('unsubscribe.explain', params))}</p>` +
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">${escapeHtml(t('unsubscribe.button'))}</button></form>`,
    nonce,
    locale,
  );
}

export function unsubscribedPage(target: UnsubscribeTarget, nonce: string): string {
  const { t, locale } = target.text;
  const params = { kind: t(`kind.${target.kind}`), company: target.companyName };
  return page(
    t('unsubscribe.doneTitle'),
    `<h1>${escapeHtml(t('unsubscribe.done'))}</h1><p>${escapeHtml(t('unsubscribe.doneExplain', params))}</p>`,
    nonce,
    locale,
  );
}

export function invalidUnsubscribeLinkPage(nonce: string): string {
  return page(
    'Link not valid',
    '<h1>This link is not valid</h1><p>It may be incomplete or no longer in use. Copy the whole link from the email and try again.</p>',
    nonce,
  );
}

import { escapeHtml } from './html';

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font:16px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#1f2328">` +
    `${body}</body></html>`
  );
}

/**
 * Shown by GET: opening a link must not unsubscribe by itself (mail scanners open links), so the
 * page asks for one click, which POSTs to the same URL like a mail client's one-click would.
 */
export function unsubscribeConfirmPage(
  companyName: string,
  kindName: string,
  action: string,
): string {
  return page(
    'Unsubscribe',
    `<h1 style="font-size:22px">Unsubscribe from ${escapeHtml(kindName)}?</h1>` +
      `<p>You will no longer get emails about ${escapeHtml(kindName)} from ${escapeHtml(companyName)}. Other emails are not affected.</p>` +
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit" style="font:inherit;padding:8px 16px">Unsubscribe</button></form>`,
  );
}

export function unsubscribedPage(companyName: string, kindName: string): string {
  return page(
    'Unsubscribed',
    `<h1 style="font-size:22px">You are unsubscribed</h1>` +
      `<p>You will no longer get emails about ${escapeHtml(kindName)} from ${escapeHtml(companyName)}.</p>`,
  );
}

export function invalidUnsubscribeLinkPage(): string {
  return page(
    'Link not valid',
    '<h1 style="font-size:22px">This link is not valid</h1><p>It may be incomplete or no longer in use. Copy the whole link from the email and try again.</p>',
  );
}

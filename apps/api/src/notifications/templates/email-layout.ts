import { escapeHtml, safeHref } from './html';

/** A rendered email: the same content as plain text and as HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * A block of an email body. Every string is user-provided or may contain user data (lead names,
 * file names, messages), so the layout escapes all of it; templates never write raw HTML.
 */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'quote'; text: string }
  | { kind: 'action'; label: string; url: string | null };

export interface EmailLayout {
  subject: string;
  greeting: string;
  blocks: EmailBlock[];
  /** Who sends it and why the recipient gets it, shown small at the bottom. */
  footer: string;
  unsubscribe?: { label: string; url: string } | null;
}

function textBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
    case 'action': {
      const href = safeHref(block.url);
      return href ? `${block.label}: ${href}` : '';
    }
  }
}

function htmlBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 16px 2px 0;color:#57606a">${escapeHtml(label)}</td>` +
            `<td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;color:#24292f;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
    case 'action': {
      const href = safeHref(block.url);
      return href
        ? `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:#0969da;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`
        : '';
    }
  }
}

/** Renders a layout to both parts. */
export function renderEmail(layout: EmailLayout): EmailContent {
  const unsubscribeHref = safeHref(layout.unsubscribe?.url);
  const textParts = [layout.greeting, ...layout.blocks.map(textBlock).filter(Boolean), '--'];
  textParts.push(layout.footer);
  if (layout.unsubscribe && unsubscribeHref) {
    textParts.push(`${layout.unsubscribe.label}: ${unsubscribeHref}`);
  }
  const footerHtml =
    escapeHtml(layout.footer) +
    (layout.unsubscribe && unsubscribeHref
      ? ` <a href="${escapeHtml(unsubscribeHref)}" style="color:#57606a">${escapeHtml(layout.unsubscribe.label)}</a>`
      : '');
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f6f8fa;font:15px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328">` +
    `<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px">` +
    `<p style="margin:0 0 16px">${escapeHtml(layout.greeting)}</p>${layout.blocks.map(htmlBlock).join('')}</div>` +
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#57606a">${footerHtml}</p></body></html>`;
  return { subject: oneLine(layout.subject), text: `${textParts.join('\n\n')}\n`, html };
}

/** Subjects are one header line: user data must not break it (or inject headers). */
export function oneLine(value: string, max = 180): string {
  const flat = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

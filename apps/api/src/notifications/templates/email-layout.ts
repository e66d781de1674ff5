import { contrastRatio, textColorOn } from '@leadbridge/core';
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
  /** A sentence ending in a link shown in full, e.g. "Submit leads here: https://…". */
  | { kind: 'link'; text: string; url: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'quote'; text: string }
  /** A one-time code, shown large. */
  | { kind: 'code'; text: string }
  | { kind: 'action'; label: string; url: string | null };

/** Who the email comes from, as the recipient knows them: a program's company, logo and colour. */
export interface EmailBrand {
  name: string;
  /** An absolute http(s) URL of the logo, or null to show the name as text. */
  logoUrl: string | null;
  /** `#rrggbb`, validated on save; null for the default blue. */
  accent: string | null;
}

const DEFAULT_ACCENT = '#0969da';

/** Link text in the accent where it reads on white (≥ 4.5:1), else in the body colour. */
function readableOnWhite(accent: string): string {
  return contrastRatio(accent, '#ffffff') >= 4.5 ? accent : '#1f2328';
}

export interface EmailLayout {
  subject: string;
  /** The language it is written in (BCP 47), for screen readers and mail clients' translators. */
  lang?: string;
  /** Shown above the content (HTML part); absent for Leadbridge's own emails to company users. */
  brand?: EmailBrand;
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
    case 'link': {
      const href = safeHref(block.url);
      return href ? `${block.text} ${href}` : block.text;
    }
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'code':
      return `    ${block.text}`;
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

function htmlBlock(block: EmailBlock, accent: string): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'link': {
      const href = safeHref(block.url);
      const link = href
        ? ` <a href="${escapeHtml(href)}" style="color:${readableOnWhite(accent)};font-weight:600">${escapeHtml(href)}</a>`
        : '';
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}${link}</p>`;
    }
    case 'facts':
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 16px 2px 0;color:#57606a">${escapeHtml(label)}</td>` +
            `<td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'code':
      return `<p style="margin:0 0 16px;font:bold 28px/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:6px">${escapeHtml(block.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;color:#24292f;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
    case 'action': {
      const href = safeHref(block.url);
      return href
        ? `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:${accent};color:${textColorOn(accent)};border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.label)}</a></p>`
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
  const accent = layout.brand?.accent ?? DEFAULT_ACCENT;
  const html =
    `<!doctype html><html lang="${escapeHtml(layout.lang ?? 'en')}"><head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f6f8fa;font:15px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328">` +
    `<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d0d7de;${layout.brand ? `border-top:4px solid ${accent};` : ''}border-radius:8px;padding:24px">` +
    brandHeader(layout.brand) +
    `<p style="margin:0 0 16px">${escapeHtml(layout.greeting)}</p>${layout.blocks.map((block) => htmlBlock(block, accent)).join('')}</div>` +
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#57606a">${footerHtml}</p></body></html>`;
  return { subject: oneLine(layout.subject), text: `${textParts.join('\n\n')}\n`, html };
}

/** The sender's logo (or name, without one) at the top of the card. */
function brandHeader(brand: EmailBrand | undefined): string {
  if (!brand) return '';
  const logo = safeHref(brand.logoUrl);
  const mark = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(brand.name)}" height="40" style="display:block;height:40px;width:auto;max-width:200px;border:0">`
    : `<strong style="font-size:18px;color:#1f2328">${escapeHtml(brand.name)}</strong>`;
  return `<div style="margin:0 0 20px">${mark}</div>`;
}

/** Subjects are one header line: user data must not break it (or inject headers). */
export function oneLine(value: string, max = 180): string {
  const flat = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

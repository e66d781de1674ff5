import { textColorOn } from '@leadbridge/core';
import type { EmailText } from '../notifications/i18n/email-text';
import { escapeHtml } from '../notifications/templates/html';
import type { PortalProgram } from './portal.repository';

/** The portal's default accent: the widget's own default. */
export const DEFAULT_PORTAL_ACCENT = '#1d4ed8';

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

/**
 * A program's hosted partner portal: the company's name, logo and colour around `<lead-form>`.
 * No inline script or style (a strict Content-Security-Policy holds): the widget's module and
 * the page's stylesheet both come from this origin, by root-relative links that work under any
 * host name the API answers to.
 */
export function portalPage(program: PortalProgram, text: EmailText): string {
  const { t } = text;
  const company = escapeHtml(program.companyName);
  const name = escapeHtml(program.name);
  const address = `/p/${encodeURIComponent(program.slug)}`;
  const logo = program.logoVersion
    ? `/p/${program.id}/logo?v=${encodeURIComponent(program.logoVersion)}`
    : null;
  const mark = logo
    ? `<img class="portal-logo" src="${escapeHtml(logo)}" alt="${company}">`
    : `<span class="portal-monogram" aria-hidden="true">${escapeHtml(initials(program.companyName))}</span>`;
  const intro = program.description
    ? escapeHtml(program.description)
    : escapeHtml(t('portal.intro', { company: program.companyName }));
  // The page's language is the widget's too (it follows its page's lang attribute).
  return `<!doctype html>
<html lang="${escapeHtml(text.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · ${company}</title>
<meta name="description" content="${escapeHtml(t('portal.description', { company: program.companyName }))}">
<meta name="referrer" content="no-referrer">
${logo ? `<link rel="icon" href="${escapeHtml(logo)}">` : ''}
<link rel="stylesheet" href="${escapeHtml(`${address}/portal.css?v=${program.version}`)}">
<script type="module" src="/widget/lead-form.js"></script>
</head>
<body>
<header class="portal-bar">
  <div class="portal-brand">${mark}<span class="portal-company">${company}</span></div>
  <span class="portal-tag">${escapeHtml(t('portal.tag'))}</span>
</header>
<main class="portal-main">
  <section class="portal-intro" aria-labelledby="portal-title">
    <h1 id="portal-title">${name}</h1>
    <p>${intro}</p>
    ${
      program.applicationsOpen
        ? `<p class="portal-note">${escapeHtml(t('portal.noteOpen', { company: program.companyName, program: program.name }))}</p>
    <p><a class="portal-apply" href="#apply">${escapeHtml(t('portal.apply'))}</a></p>`
        : `<p class="portal-note">${escapeHtml(t('portal.note', { company: program.companyName }))}</p>`
    }
  </section>
  <div class="portal-card">
    <lead-form publishable-key="${escapeHtml(program.publishableKey)}"></lead-form>
    <noscript><p>${escapeHtml(t('portal.noscript'))}</p></noscript>
  </div>
</main>
<footer class="portal-footer">${escapeHtml(t('portal.footer', { company: program.companyName }))}</footer>
</body>
</html>
`;
}

/** The portal's stylesheet, in the program's colour (a file, so no inline style is needed). */
export function portalStylesheet(program: PortalProgram): string {
  const accent = program.brandColor ?? DEFAULT_PORTAL_ACCENT;
  const onAccent = textColorOn(accent);
  return `:root{--portal-accent:${accent};--portal-on-accent:${onAccent};color-scheme:light}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:#f6f7f9;color:#111827;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.portal-bar{display:flex;align-items:center;justify-content:space-between;gap:1rem;flex-wrap:wrap;padding:.75rem clamp(1rem,4vw,2.5rem);background:#fff;border-top:4px solid var(--portal-accent);border-bottom:1px solid #e5e7eb}
.portal-brand{display:flex;align-items:center;gap:.75rem;min-width:0}
.portal-logo{display:block;height:40px;width:auto;max-width:min(200px,50vw);object-fit:contain}
.portal-monogram{display:inline-grid;place-items:center;width:40px;height:40px;border-radius:10px;background:var(--portal-accent);color:var(--portal-on-accent);font-weight:700;letter-spacing:.02em}
.portal-company{font-weight:650;font-size:1.05rem;overflow-wrap:anywhere}
.portal-tag{font-size:.85rem;color:#4b5563}
.portal-main{flex:1;width:100%;max-width:960px;margin:0 auto;padding:clamp(1rem,4vw,2.5rem) clamp(.75rem,4vw,2.5rem)}
.portal-intro h1{margin:0 0 .5rem;font-size:clamp(1.5rem,4vw,2rem);line-height:1.2}
.portal-intro p{margin:0 0 .75rem;color:#374151;max-width:65ch}
.portal-intro .portal-note{font-size:.9rem;color:#4b5563}
.portal-apply{font-weight:600}
.portal-card{margin-top:1.5rem;padding:clamp(.75rem,3vw,1.5rem);background:#fff;border:1px solid #e5e7eb;border-radius:12px;box-shadow:0 1px 2px rgb(17 24 39 / .06)}
lead-form{--lead-form-accent:var(--portal-accent);--lead-form-accent-text:var(--portal-on-accent);--lead-form-radius:8px;display:block}
/* The page's heading already names the program. */
lead-form::part(title){display:none}
.portal-footer{padding:1.25rem;text-align:center;font-size:.85rem;color:#6b7280}
`;
}

/** When the address leads to no open portal. */
export function portalNotFoundPage(text: EmailText): string {
  const { t } = text;
  return `<!doctype html>
<html lang="${escapeHtml(text.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('portal.notFoundTitle'))}</title></head>
<body>
<main>
<h1>${escapeHtml(t('portal.notFound'))}</h1>
<p>${escapeHtml(t('portal.notFoundExplain'))}</p>
</main>
</body>
</html>
`;
}

import { createServer, type Server } from 'node:http';

/** One `<lead-form>` on a host page. Attributes are set as written; style goes on the element. */
export interface EmbeddedForm {
  id: string;
  attributes: Record<string, string | true>;
  style?: string;
}

/** What the host page contains, passed base64url-encoded in `?page=`. */
export interface HostPage {
  forms: EmbeddedForm[];
  /** `manual`: the widget script is not in the page; the test loads it (globals check). */
  load?: 'script' | 'manual';
  lang?: string;
  /** Extra CSS for the host page (theming through ::part and custom properties). */
  css?: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function encodePage(page: HostPage): string {
  return Buffer.from(JSON.stringify(page)).toString('base64url');
}

function render(page: HostPage, apiUrl: string): string {
  const forms = page.forms
    .map((form) => {
      const attributes = Object.entries(form.attributes)
        .map(([name, value]) => (value === true ? name : `${name}="${escapeHtml(value)}"`))
        .join(' ');
      const style = form.style ? ` style="${escapeHtml(form.style)}"` : '';
      return `<section><lead-form id="${escapeHtml(form.id)}" ${attributes}${style}></lead-form></section>`;
    })
    .join('\n');
  const script =
    page.load === 'manual'
      ? ''
      : `<script type="module" src="${escapeHtml(apiUrl)}/widget/lead-form.js"></script>`;
  // The host records the widget's events the way a company's page would listen for them.
  return `<!doctype html>
<html lang="${escapeHtml(page.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner portal — test host</title>
<style>
  body { margin: 0; padding: 1.5rem; font-family: Georgia, 'Times New Roman', serif; color: #1f2933; background: #ffffff; }
  main { max-width: 60rem; margin: 0 auto; }
  ${page.css ?? ''}
</style>
<script>
  window.hostEvents = [];
  for (const type of ['lead-form:ready', 'lead-form:submitted', 'lead-form:imported', 'lead-form:error']) {
    document.addEventListener(type, (event) => {
      window.hostEvents.push({ type, target: event.target.id, detail: event.detail });
    });
  }
</script>
${script}
</head>
<body>
<main>
<h1>Acme partners</h1>
${forms}
</main>
</body>
</html>`;
}

/** A company's website on its own origin: serves host pages described by the test. */
export function startHostSite(
  apiUrl: string,
  host = 'localhost',
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    let page: HostPage = { forms: [] };
    const encoded = url.searchParams.get('page');
    if (encoded) page = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as HostPage;
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(render(page, apiUrl));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}`,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

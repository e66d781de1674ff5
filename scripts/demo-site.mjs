// A plain "company website" on its own origin that embeds <lead-form> the way a customer would
// paste it: one module script from the API and one element. Used by `npm start` and e2e tests.
// It also shows the host side of the contract: theming through custom properties and ::part,
// a language switch (`?lang=de`), and a notice driven by the widget's events.
import { createServer } from 'node:http';

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function demoPage({ apiUrl, publishableKey, lang = 'en' }) {
  const locale = lang === 'de' ? 'de' : 'en';
  const text =
    locale === 'de'
      ? {
          title: 'Partnerportal',
          intro:
            'Empfehlen Sie Teams, die Analysen brauchen. Reichen Sie einen Lead ein, importieren Sie eine Liste und verfolgen Sie jeden Abschluss.',
          submitted: 'Danke! Der Lead ist bei unserem Vertrieb.',
          imported: 'Import abgeschlossen: {n} Leads übernommen.',
        }
      : {
          title: 'Partner portal',
          intro:
            'Refer teams that need analytics. Submit a lead, import a list, and follow every deal you bring us.',
          submitted: 'Thanks! The lead is with our sales team.',
          imported: 'Import finished: {n} leads added.',
        };
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Analytics — ${escapeHtml(text.title)}</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1f2933; background: #f7f5f2; }
  header { background: #102a43; color: #fff; padding: 1.25rem 2rem; display: flex; flex-wrap: wrap; gap: 2rem; align-items: baseline; }
  header strong { font-size: 1.4rem; }
  header a { color: #d9e2ec; }
  header nav a { margin-right: 1rem; }
  header .lang { margin-left: auto; }
  main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
  .intro { margin-bottom: 1.5rem; }
  .notice { min-height: 1.5em; color: #0b5560; font-weight: bold; }
  lead-form {
    --lead-form-accent: #0b7285;
    --lead-form-radius: 10px;
    display: block;
    padding: 1.5rem;
    background: #fff;
    border-radius: 12px;
    box-shadow: 0 1px 3px rgb(16 42 67 / 0.15);
  }
  lead-form::part(title) { color: #102a43; }
  footer { text-align: center; color: #52606d; padding: 2rem; font-size: .9rem; }
</style>
<script type="module" src="${escapeHtml(apiUrl)}/widget/lead-form.js"></script>
</head>
<body>
<header>
  <strong>Acme Analytics</strong>
  <nav><a href="#">Product</a><a href="#">Pricing</a><a href="#">Partners</a></nav>
  <span class="lang"><a href="?lang=en" lang="en">English</a> · <a href="?lang=de" lang="de">Deutsch</a></span>
</header>
<main>
  <section class="intro">
    <h1>${escapeHtml(text.title)}</h1>
    <p>${escapeHtml(text.intro)}</p>
    <p class="notice" role="status" id="notice"></p>
  </section>
  <lead-form publishable-key="${escapeHtml(publishableKey)}" api-base="${escapeHtml(apiUrl)}" locale="${locale}"></lead-form>
</main>
<footer>© Acme Analytics — this page is a demo host site on its own origin.</footer>
<script>
  const notice = document.getElementById('notice');
  document.addEventListener('lead-form:submitted', () => { notice.textContent = ${JSON.stringify(text.submitted)}; });
  document.addEventListener('lead-form:imported', (event) => {
    notice.textContent = ${JSON.stringify(text.imported)}.replace('{n}', String(event.detail.rowsImported));
  });
</script>
</body>
</html>`;
}

/** Serves the demo page; `stop()` closes the server. */
export function startDemoSite({ port, apiUrl, publishableKey, host = '127.0.0.1' }) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://demo');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // `?pk=` embeds another program (e.g. one the e2e journeys just created); the seeded
      // program stays the default. Only key-shaped values, so the page embeds nothing else.
      const pk = url.searchParams.get('pk');
      response.end(
        demoPage({
          apiUrl,
          publishableKey: pk && /^pk_[A-Za-z0-9_-]{1,200}$/.test(pk) ? pk : publishableKey,
          lang: url.searchParams.get('lang') ?? 'en',
        }),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://localhost:${typeof address === 'object' && address ? address.port : port}`,
        stop: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

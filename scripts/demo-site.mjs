// A plain "company website" on its own origin that embeds <lead-form> the way a customer would
// paste it: one module script from the API and one element. Used by `npm start` and e2e tests.
import { createServer } from 'node:http';

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function demoPage({ apiUrl, publishableKey }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Analytics — Partners</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1f2933; background: #f7f5f2; }
  header { background: #102a43; color: #fff; padding: 1.25rem 2rem; display: flex; gap: 2rem; align-items: baseline; }
  header strong { font-size: 1.4rem; }
  header nav a { color: #bcccdc; margin-right: 1rem; text-decoration: none; }
  main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
  .intro { margin-bottom: 1.5rem; }
  lead-form { --lead-form-accent: #0b7285; --lead-form-radius: 10px; display: block; }
  footer { text-align: center; color: #829ab1; padding: 2rem; font-size: .9rem; }
</style>
<script type="module" src="${escapeHtml(apiUrl)}/widget/lead-form.js"></script>
</head>
<body>
<header><strong>Acme Analytics</strong><nav><a href="#">Product</a><a href="#">Pricing</a><a href="#">Partners</a></nav></header>
<main>
  <section class="intro">
    <h1>Partner portal</h1>
    <p>Refer teams that need analytics. Submit a lead, import a list, and follow every deal you bring us.</p>
  </section>
  <lead-form publishable-key="${escapeHtml(publishableKey)}" api-base="${escapeHtml(apiUrl)}"></lead-form>
</main>
<footer>© Acme Analytics — this page is a demo host site on its own origin.</footer>
</body>
</html>`;
}

/** Serves the demo page; `stop()` closes the server. */
export function startDemoSite({ port, apiUrl, publishableKey, host = '127.0.0.1' }) {
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(demoPage({ apiUrl, publishableKey }));
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

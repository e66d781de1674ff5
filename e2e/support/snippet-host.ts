import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SnippetHost {
  /** http://localhost:<port> — an origin of its own. */
  origin: string;
  /** Serves a page with `snippet` pasted into its body, exactly as copied. */
  paste: (snippet: string) => void;
  stop: () => Promise<void>;
}

/**
 * A company web developer's page: whatever was copied from the admin app's Embed tab, pasted
 * verbatim into a plain HTML page on another origin. Proves the snippet works on its own.
 */
export function startSnippetHost(): Promise<SnippetHost> {
  let snippet = '';
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Partners — pasted snippet</title></head>
<body>
<main>
<h1>Become a partner</h1>
${snippet}
</main>
</body>
</html>`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://localhost:${port}`,
        paste: (text) => {
          snippet = text;
        },
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

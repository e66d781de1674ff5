import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { HttpReply } from '../common/http/http';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leadbridge API reference</title>
<link rel="icon" href="data:,">
</head>
<body style="margin:0">
<div id="reference" data-spec-url="/v1/openapi.json"></div>
<script src="/docs/redoc.standalone.js"></script>
<script src="/docs/reference.js"></script>
</body>
</html>
`;

// A file of its own (no inline script), so the page runs under a strict script-src.
const INIT = `(function () {
  var element = document.getElementById('reference');
  Redoc.init(element.getAttribute('data-spec-url'), {
    expandResponses: '200,201,202',
    jsonSampleExpandLevel: 3,
    hideDownloadButton: false,
    pathInMiddlePanel: true,
    requiredPropsFirst: true,
    sortTagsAlphabetically: false,
    theme: {
      colors: { primary: { main: '#2563eb' } },
      typography: {
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        code: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
      },
    },
  }, element);
})();
`;

/**
 * The API reference at /docs: Redoc (from its npm package, served from here: no CDN, works
 * offline) rendering /v1/openapi.json with its descriptions, codes and examples.
 */
export function setupReferencePage(app: INestApplication): void {
  const http = app.getHttpAdapter();
  let bundle: Buffer | null = null;
  const cached = (response: HttpReply) => response.header('Cache-Control', 'public, max-age=3600');
  http.get('/docs', (_request: unknown, response: HttpReply) => {
    // The page policy (bootstrap.ts) keeps everything on this origin: Redoc's footer would
    // otherwise fetch its logo from a CDN.
    response.type('text/html').send(PAGE);
  });
  http.get('/docs/reference.js', (_request: unknown, response: HttpReply) => {
    cached(response);
    response.type('text/javascript').send(INIT);
  });
  http.get('/docs/redoc.standalone.js', (_request: unknown, response: HttpReply) => {
    // Read on first use: most API processes never serve the reference.
    bundle ??= readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'));
    cached(response);
    response.type('text/javascript').send(bundle);
  });
}

import { startTestApi, type TestApi } from './support/test-api';

describe('health and API documents', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers /health with the database status', async () => {
    const response = await api.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/[\w-]{8,}/);
  });

  it('serves the OpenAPI document and the API reference, with nothing from a CDN', async () => {
    const document = await api.http.get('/v1/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.info.title).toBe('Leadbridge API');
    expect(document.body.paths['/health'].get.operationId).toBe('getHealth');
    const docs = await api.http.get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('<title>Leadbridge API reference</title>');
    expect(docs.text).toContain('data-spec-url="/v1/openapi.json"');
    const scripts = [...docs.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual(['/docs/redoc.standalone.js', '/docs/reference.js']);
    // The browser may load nothing from elsewhere (Redoc's footer links a CDN logo).
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(docs.headers.get('content-security-policy')).toContain("img-src 'self' data:");
    for (const script of scripts) {
      const served = await api.http.get(script ?? '');
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toContain('javascript');
    }
    const bundle = await api.http.get('/docs/redoc.standalone.js');
    expect(bundle.text).toContain('Redoc');
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const response = await api.http.get('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, code: 'not_found' });
  });
});

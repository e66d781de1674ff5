import { startTestApi, type TestApi } from './support/test-api';

/** What a person sees when the API starts as `npm start` runs it (development, default logs). */
describe('start-up output', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'development', LOG_REQUESTS: 'false' });
  });
  afterAll(() => api.close());

  it('is one line saying where the API listens; Nest’s route map only at LOG_LEVEL=debug', async () => {
    const lines = api.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Leadbridge API listening on http:\/\//)]);

    await api.restart({ LOG_LEVEL: 'debug' });
    expect(api.output()).toContain('Mapped {/health, GET} route');
  });
});

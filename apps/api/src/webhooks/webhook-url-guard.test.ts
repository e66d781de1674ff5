import {
  assertDeliverableUrl,
  guardedLookup,
  isPublicAddress,
  parseWebhookUrl,
  WebhookUrlRefused,
} from './webhook-url-guard';

describe('webhook URL guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    'fc00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '64:ff9b::a00:1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ['not a url', 'absolute'],
    ['ftp://example.com/hook', 'https://'],
    ['https://user:secret@example.com/hook', 'credentials'],
  ])('parseWebhookUrl(%s) says what is wrong', (raw, words) => {
    expect(() => parseWebhookUrl(raw)).toThrow(WebhookUrlRefused);
    expect(() => parseWebhookUrl(raw)).toThrow(words);
  });

  it('refuses an IP literal in a private range, naming it, unless private targets are allowed', async () => {
    await expect(assertDeliverableUrl('http://[::1]:8080/hook', false)).rejects.toMatchObject({
      code: 'webhook_url_not_allowed',
      message: expect.stringContaining('::1'),
    });
    await expect(assertDeliverableUrl('http://127.0.0.1/hook', true)).resolves.toBeInstanceOf(URL);
  });

  it('refuses a host name that resolves to loopback, before and at connect time', async () => {
    await expect(assertDeliverableUrl('http://localhost/hook', false)).rejects.toMatchObject({
      code: 'webhook_url_not_allowed',
    });
    const lookup = guardedLookup(false);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', {}, (problem) => resolve(problem)),
    );
    expect(error?.code).toBe('EWEBHOOKPRIVATE');
  });
});

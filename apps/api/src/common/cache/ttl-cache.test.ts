import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('forgets an entry once its time is up', () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new TtlCache<string, number>(5_000, 10);
    cache.set('a', 1);
    jest.setSystemTime(4_999);
    expect(cache.get('a')).toBe(1);
    jest.setSystemTime(5_000);
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the oldest entry when full', () => {
    const cache = new TtlCache<string, number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('stores nothing with a zero time to live', () => {
    const cache = new TtlCache<string, number>(0, 10);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('shares one load between concurrent misses and does not store "not found"', async () => {
    const cache = new TtlCache<string, number>(60_000, 10);
    let loads = 0;
    const load = async (): Promise<number | null> => {
      loads++;
      return null;
    };
    const answers = await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    expect(answers).toEqual([null, null]);
    expect(loads).toBe(1);
    await cache.getOrLoad('k', load);
    expect(loads).toBe(2);
  });

  it('does not keep a load that an invalidation raced', async () => {
    const cache = new TtlCache<string, string>(60_000, 10);
    let finish: (value: string) => void = () => {};
    const pending = cache.getOrLoad(
      'k',
      () => new Promise<string>((resolve) => (finish = resolve)),
    );
    cache.delete('k');
    finish('stale');
    await expect(pending).resolves.toBe('stale');
    expect(cache.get('k')).toBeUndefined();
  });

  it('deleteWhere drops matching entries only; setIfCurrent loses to a later invalidation', () => {
    const cache = new TtlCache<string, { company: string }>(60_000, 10);
    cache.set('a', { company: 'c1' });
    cache.set('b', { company: 'c2' });
    const version = cache.version;
    cache.deleteWhere((_key, value) => value.company === 'c1');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ company: 'c2' });
    cache.setIfCurrent('a', { company: 'c1' }, version);
    expect(cache.get('a')).toBeUndefined();
    cache.setIfCurrent('a', { company: 'c1' }, cache.version);
    expect(cache.get('a')).toEqual({ company: 'c1' });
  });
});

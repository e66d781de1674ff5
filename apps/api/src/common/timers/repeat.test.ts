import { repeatEvery } from './repeat';

describe('repeatEvery', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('skips ticks while a run is still going, and stops when asked', async () => {
    let started = 0;
    let finish: () => void = () => undefined;
    const stop = repeatEvery(1, () => {
      started++;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await jest.advanceTimersByTimeAsync(3500);
    expect(started).toBe(1);
    finish();
    await jest.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    stop();
    finish();
    await jest.advanceTimersByTimeAsync(5000);
    expect(started).toBe(2);
  });

  it('keeps going after a run fails', async () => {
    let runs = 0;
    const stop = repeatEvery(1, async () => {
      runs++;
      throw new Error('database away');
    });
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(3);
    stop();
  });
});

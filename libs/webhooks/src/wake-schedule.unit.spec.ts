import { FIRST_LOOK_MS, nextWake } from './wake-schedule';

describe('when the dispatcher looks again', () => {
  const IDLE = 10_000;

  it('backs off from a few ms to the idle bound while nothing comes: an idle app looks every 10 s', () => {
    let backoff = FIRST_LOOK_MS;
    const sleeps: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wake = nextWake(backoff, 0, IDLE, Number.POSITIVE_INFINITY);
      backoff = wake.backoffMs;
      sleeps.push(wake.sleepMs);
    }
    expect(sleeps.slice(0, 4)).toEqual([50, 100, 200, 400]);
    expect(sleeps.slice(-3)).toEqual([IDLE, IDLE, IDLE]);
  });

  it('looks again soon after sending, and no later than the next delivery due', () => {
    expect(nextWake(IDLE, 3, IDLE, Number.POSITIVE_INFINITY).sleepMs).toBe(FIRST_LOOK_MS);
    expect(nextWake(IDLE, 0, IDLE, 300)).toEqual({ backoffMs: IDLE, sleepMs: 300 });
    expect(nextWake(IDLE, 0, IDLE, -5).sleepMs).toBe(0);
  });
});

import { RecordedEvent } from '../envelope';
import { Page, PollingSubscription } from './polling-subscription';

const event = (checkpoint: string) => ({ checkpoint }) as RecordedEvent;

describe('a polling subscription', () => {
  it('resumes after what a filtered page scanned, not after the last event it matched', async () => {
    const asked: string[] = [];
    const pages: Page[] = [
      { events: [event('5:5')], scanned: '9:0' },
      { events: [], scanned: '12:0' },
      { events: [event('14:20')], scanned: '15:0' },
    ];
    const handled: string[] = [];
    const subscription = new PollingSubscription(
      async (from) => {
        asked.push(from);
        return pages.shift() ?? { events: [] };
      },
      'start',
      async (events) => {
        handled.push(...events.map((e) => e.checkpoint));
      },
      { batchSize: 10, pollIntervalMs: 1 },
    );
    while (asked.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();
    expect(handled).toEqual(['5:5', '14:20']);
    expect(asked.slice(0, 4)).toEqual(['start', '9:0', '12:0', '15:0']);
  });
});

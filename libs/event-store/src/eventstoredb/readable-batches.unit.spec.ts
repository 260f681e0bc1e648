import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { ReadableBatches } from './readable-batches';

const source = (highWaterMark = 4) => new PassThrough({ objectMode: true, highWaterMark });

describe('ReadableBatches', () => {
  it('hands over what is buffered, at most a batch at a time', async () => {
    const stream = source(10);
    const batches = new ReadableBatches<number>(stream);
    [1, 2, 3, 4, 5].forEach((n) => stream.write(n));
    await new Promise((resolve) => setImmediate(resolve));

    expect(await batches.next(3)).toEqual([1, 2, 3]);
    expect(await batches.next(3)).toEqual([4, 5]);
  });

  it('waits for the next item when nothing is buffered', async () => {
    const stream = source();
    const batches = new ReadableBatches<string>(stream);

    const pending = batches.next(10);
    setTimeout(() => stream.write('late'), 5);

    expect(await pending).toEqual(['late']);
  });

  it('reads nothing while its consumer is busy, so the source is held back', async () => {
    const stream = source(2);
    const batches = new ReadableBatches<number>(stream);
    let accepted = 0;
    while (accepted < 1000 && stream.write(accepted)) accepted++;

    // Bounded by the two buffers (readable and writable side), not by what the source has.
    expect(accepted).toBeLessThan(8);
    const drained = once(stream, 'drain');
    const received: number[] = [];
    while (received.length <= accepted) received.push(...((await batches.next(100)) ?? []));
    await drained;
    expect(received).toEqual(Array.from({ length: accepted + 1 }, (_, i) => i));
  });

  it('delivers what is buffered, then reports the end', async () => {
    const stream = source();
    const batches = new ReadableBatches<number>(stream);
    stream.end(7);

    expect(await batches.next(10)).toEqual([7]);
    expect(await batches.next(10)).toBeUndefined();
  });

  it('keeps an error raised while its consumer is busy and throws it at the next call', async () => {
    const stream = source();
    const batches = new ReadableBatches<number>(stream);
    stream.destroy(new Error('connection lost'));
    await new Promise((resolve) => setImmediate(resolve));

    await expect(batches.next(10)).rejects.toThrow('connection lost');
  });

  it('ends a pending wait on cancel', async () => {
    const batches = new ReadableBatches<number>(source());

    const pending = batches.next(10);
    batches.cancel();

    expect(await pending).toBeUndefined();
    expect(await batches.next(10)).toBeUndefined();
  });
});

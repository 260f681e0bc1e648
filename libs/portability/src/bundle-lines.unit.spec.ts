import { BrokenBundleError } from './broken-bundle';
import { DEFAULT_MAX_LINE_BYTES, splitLines, TextLine } from './bundle-lines';
import { dribble } from './testing/sample-history';

async function lines(
  chunks: AsyncIterable<Buffer | string> | Iterable<string>,
  max?: number,
): Promise<TextLine[]> {
  const all: TextLine[] = [];
  for await (const line of splitLines(chunks, max)) all.push(line);
  return all;
}

describe('splitting a bundle into lines', () => {
  it('finds lines and characters cut across chunks anywhere', async () => {
    const text = '{"a":"é€😀"}\n{"b":2}\n';
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await lines(dribble(text, size))).toEqual([
        { number: 1, text: '{"a":"é€😀"}', terminated: true },
        { number: 2, text: '{"b":2}', terminated: true },
      ]);
    }
  });

  it('reports a last line without its newline as such', async () => {
    expect(await lines(dribble('{"a":1}\n{"b"', 4))).toEqual([
      { number: 1, text: '{"a":1}', terminated: true },
      { number: 2, text: '{"b"', terminated: false },
    ]);
  });

  it('refuses a line longer than the bound as soon as that many bytes of it arrived, naming it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x'.charCodeAt(0));
    let pulled = 0;
    // A 64 MB line after two short ones, pulled a chunk at a time as from a file.
    async function* bundle(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"a":1}\n{"b":2}\n');
      for (let i = 0; i < 1024; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const error = await lines(bundle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokenBundleError);
    expect((error as Error).message).toBe(
      `line 3: longer than ${DEFAULT_MAX_LINE_BYTES} bytes, the most a line may hold: ` +
        'refused without reading it whole',
    );
    expect(pulled).toBeLessThanOrEqual(DEFAULT_MAX_LINE_BYTES + chunk.length);
  });

  it('takes a line of exactly the bound, in one chunk or many, and refuses one byte more', async () => {
    const line = 'y'.repeat(1000);
    expect((await lines(dribble(`${line}\n`, 64), 1000))[0].text).toBe(line);
    expect((await lines([`${line}\n`], 1000))[0].text).toBe(line);
    await expect(lines(dribble(`${line}y\n`, 64), 1000)).rejects.toThrow(
      /^line 1: longer than 1000 bytes/,
    );
    await expect(lines([`${line}y\n`], 1000)).rejects.toThrow(/^line 1: longer than 1000 bytes/);
  });
});

import { splitLines, TextLine } from './bundle-lines';
import { dribble } from './testing/sample-history';

async function lines(chunks: AsyncIterable<Buffer | string>): Promise<TextLine[]> {
  const all: TextLine[] = [];
  for await (const line of splitLines(chunks)) all.push(line);
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
});

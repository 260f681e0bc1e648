/** A bundle's bytes: a file or HTTP stream, or any (async) iterable of chunks. */
export type BundleBytes = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/** One line of a bundle as read: its number (1 = the first), its text, whether a newline ended it. */
export interface TextLine {
  number: number;
  text: string;
  terminated: boolean;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines, keeping only the unfinished line between chunks (memory stays
 * that of the longest line). The last line is reported even without its newline, marked as such,
 * so that a cut in the middle of a line is told apart from a complete one.
 */
export async function* splitLines(chunks: BundleBytes): AsyncGenerator<TextLine> {
  let rest: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const buffer = rest.length > 0 ? Buffer.concat([rest, bytes]) : bytes;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end >= 0; end = buffer.indexOf(NEWLINE, start)) {
      yield { number: ++number, text: buffer.toString('utf8', start, end), terminated: true };
      start = end + 1;
    }
    rest = buffer.subarray(start);
  }
  if (rest.length > 0) yield { number: ++number, text: rest.toString('utf8'), terminated: false };
}

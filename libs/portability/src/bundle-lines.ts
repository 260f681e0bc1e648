import { BrokenBundleError } from './broken-bundle';

/** A bundle's bytes: a file or HTTP stream, or any (async) iterable of chunks. */
export type BundleBytes = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

/** One line of a bundle as read: its number (1 = the first), its text, whether a newline ended it. */
export interface TextLine {
  number: number;
  text: string;
  terminated: boolean;
}

/**
 * The longest line a reader accepts by default. An event line of any app is a few KiB at most
 * (its longest free texts are 2,000 characters); the bound keeps a reader's memory that of one
 * such line, whatever a bundle holds.
 */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines in time linear in the bytes: every byte is searched for the
 * newline once, the unfinished line is kept as the list of its pieces and joined once when its
 * newline comes. A line longer than `maxLineBytes` is refused as soon as that many bytes of it
 * have arrived, naming it, so a reader never holds more than that. The last line is reported even
 * without its newline, marked as such, so that a cut in the middle of a line is told apart from
 * a complete one.
 */
export async function* splitLines(
  chunks: BundleBytes,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<TextLine> {
  let pieces: Buffer[] = [];
  let pending = 0;
  let number = 0;
  const tooLong = () =>
    new BrokenBundleError(
      number + 1,
      null,
      `longer than ${maxLineBytes} bytes, the most a line may hold: refused without reading it whole`,
    );
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      if (pending + end - start > maxLineBytes) throw tooLong();
      const line = pending === 0 ? bytes.subarray(start, end) : joined(pieces, bytes, start, end);
      yield { number: ++number, text: line.toString('utf8'), terminated: true };
      pieces = [];
      pending = 0;
      start = end + 1;
    }
    if (start < bytes.length) {
      pending += bytes.length - start;
      if (pending > maxLineBytes) throw tooLong();
      pieces.push(bytes.subarray(start));
    }
  }
  if (pending > 0) {
    yield { number: ++number, text: Buffer.concat(pieces).toString('utf8'), terminated: false };
  }
}

function joined(pieces: Buffer[], bytes: Buffer, start: number, end: number): Buffer {
  pieces.push(bytes.subarray(start, end));
  return Buffer.concat(pieces);
}

const CHUNK_SIZE = 64 * 1024;

/**
 * Joins short strings into chunks of about `size` characters: a socket or a file then takes a
 * few large writes instead of one per line.
 */
export async function* inChunks(
  parts: AsyncIterable<string>,
  size = CHUNK_SIZE,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

import { createHash } from 'node:crypto';
import { BrokenBundleError } from './broken-bundle';
import { prepareBundle } from './bundle-writer';
import { readManifest, verifyBundle, VerifyOptions } from './bundle-verifier';
import { canonicalJson } from './canonical-json';
import {
  collect,
  COOP,
  dribble,
  keySource,
  PASSPHRASE,
  sampleHistory,
} from './testing/sample-history';

// The bundle as lines: 1 manifest, 2–6 the five events, 7 the member key, 8 the seal.
let text: string;
let lines: string[];

beforeAll(async () => {
  const { store, memberKeys } = sampleHistory();
  const bundle = await prepareBundle({
    store: store.asStore(),
    coopId: COOP,
    memberKeys: keySource(memberKeys),
    passphrase: PASSPHRASE,
  });
  text = await collect(bundle.text());
  lines = text.trimEnd().split('\n');
});

const eventId = (n: number) => (JSON.parse(lines[n - 1]) as { eventId: string }).eventId;
const joined = (parts: string[]) => parts.map((line) => `${line}\n`).join('');

async function refusal(bundle: string, options: VerifyOptions = {}): Promise<BrokenBundleError> {
  const error = await verifyBundle(dribble(bundle, 100), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrokenBundleError);
  return error as BrokenBundleError;
}

/** Every line re-hashed after `edit`, as someone who knows the format would do it. */
function rechained(edit: (parsed: Record<string, unknown>[]) => Record<string, unknown>[]): string {
  let prev = '';
  const out = edit(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).map(
    (line, i) => {
      const { hash: _old, ...content } = line;
      if (i > 0) content.prev = prev;
      prev = createHash('sha256').update(canonicalJson(content)).digest('hex');
      return canonicalJson({ ...content, hash: prev });
    },
  );
  return joined(out);
}

describe('verifying a bundle', () => {
  it('accepts the bundle as written, read in chunks cut anywhere, and sums it up', async () => {
    const summary = await verifyBundle(dribble(text, 3), { passphrase: PASSPHRASE });
    expect(summary).toMatchObject({
      eventCount: 5,
      memberKeyCount: 1,
      lineCount: 8,
      sealHash: JSON.parse(lines[7]).hash,
      manifest: { coopId: COOP, eventCount: 5 },
    });
    expect(await verifyBundle([text], { sealHash: summary.sealHash })).toEqual(summary);
    expect((await readManifest([text])).coopId).toBe(COOP);
  });

  it('one byte changed in an event: a hash mismatch on that line, naming the event', async () => {
    const edited = [...lines];
    edited[4] = edited[4].replace('"50.00"', '"59.00"');
    const error = await refusal(joined(edited));
    expect(error.line).toBe(5);
    expect(error.message).toMatch(
      new RegExp(`^line 5 \\(event #4, eventId ${eventId(5)}\\): hash mismatch`),
    );
  });

  it('one byte changed in a hash or a prev: caught on that line too', async () => {
    for (const field of ['hash', 'prev']) {
      const edited = [...lines];
      edited[2] = edited[2].replace(
        new RegExp(`"${field}":"(.)`),
        (_m, c: string) => `"${field}":"${c === 'a' ? 'b' : 'a'}`,
      );
      expect((await refusal(joined(edited))).message).toMatch(
        /^line 3 \(event #2, .*\): hash mismatch/,
      );
    }
  });

  it('an event removed: the next line says which event is missing', async () => {
    const error = await refusal(joined(lines.filter((_, i) => i !== 2)));
    expect(error.message).toBe(
      `line 3 (event #3, eventId ${eventId(4)}): event #3 found where #2 was expected: ` +
        'an event was removed, inserted, duplicated or moved',
    );
  });

  it('two events swapped: refused at the first of them', async () => {
    const swapped = [...lines];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect((await refusal(joined(swapped))).message).toMatch(
      /^line 3 \(event #3, .*\): event #3 found where #2 was expected/,
    );
  });

  it('a line duplicated or inserted: refused where it stands', async () => {
    const duplicated = [...lines.slice(0, 3), lines[2], ...lines.slice(3)];
    expect((await refusal(joined(duplicated))).message).toMatch(
      /^line 4 \(event #2, .*\): event #2 found where #3 was expected/,
    );
  });

  it('a line truncated: refused as truncated, with its number', async () => {
    const cut = joined(lines).slice(0, joined(lines.slice(0, 5)).length + 40);
    const error = await refusal(cut);
    expect(error.message).toBe('line 6: truncated: the last line is cut off in the middle');
  });

  it('cut after a complete line: the missing seal gives it away, with what is missing', async () => {
    expect((await refusal(joined(lines.slice(0, 5)))).message).toBe(
      'line 6 (seal): missing: the bundle stops after line 5 (4 of 5 events, 0 member keys): it was cut short',
    );
    expect((await refusal(joined(lines).slice(0, -1))).message).toBe(
      'line 8: truncated: the last line has no newline, the bundle was cut short',
    );
  });

  it('the manifest’s count changed: its own hash no longer matches', async () => {
    const edited = [...lines];
    edited[0] = edited[0].replace('"eventCount":5', '"eventCount":4');
    expect((await refusal(joined(edited))).message).toMatch(/^line 1 \(manifest\): hash mismatch/);
  });

  it('the manifest’s count changed and every hash recomputed: the count gives it away', async () => {
    const fewer = rechained((parsed) => {
      parsed[0].eventCount = 4;
      return parsed;
    });
    expect((await refusal(fewer)).message).toBe(
      `line 6 (event #5, eventId ${eventId(6)}): the manifest announces 4 events: this one is beyond them`,
    );
    const more = rechained((parsed) => {
      parsed[0].eventCount = 6;
      return parsed;
    });
    expect((await refusal(more)).message).toMatch(
      /^line 7 \(member key #1, .*\): found after 5 events, where the manifest announces 6: event #6 and later ones are missing/,
    );
  });

  it('rewritten from end to end: only the seal hash noted at export tells', async () => {
    const rewritten = rechained((parsed) => {
      (parsed[4].data as { amount: { amount: string } }).amount.amount = '5000.00';
      return parsed;
    });
    const summary = await verifyBundle([rewritten]);
    const error = await refusal(rewritten, { sealHash: JSON.parse(lines[7]).hash });
    expect(error.message).toMatch(
      /^line 8 \(seal\): the seal's hash is .* not the .* noted at export/,
    );
    expect(summary.sealHash).not.toBe(JSON.parse(lines[7]).hash);
  });

  it('a line after the seal, a second manifest, or no manifest at all: refused', async () => {
    expect((await refusal(joined([...lines, lines[1]]))).message).toMatch(
      /^line 9 .*: a line after the seal \(line 8\): the bundle was extended/,
    );
    expect((await refusal(joined(lines.slice(1)))).message).toMatch(
      /^line 1 \(event #1, .*\): the first line must be the manifest/,
    );
    expect((await refusal('')).message).toBe('bundle: empty: not even a manifest');
    expect((await refusal('not json\n')).message).toMatch(/^line 1: not valid JSON/);
  });

  it('a format version it does not know: says so rather than a hash mismatch', async () => {
    const edited = [lines[0].replace('"formatVersion":1', '"formatVersion":2'), ...lines.slice(1)];
    expect((await refusal(joined(edited))).message).toBe(
      'line 1: format version 2 is not supported (this tool reads version 1)',
    );
  });

  it('the wrong passphrase: refused at the first member key', async () => {
    expect((await refusal(text, { passphrase: 'not the right passphrase' })).message).toMatch(
      /^line 7 \(member key #1, keyId .*\): does not open with this passphrase/,
    );
  });
});

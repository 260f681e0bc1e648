import { BrokenBundleError } from './broken-bundle';
import { keyFingerprint } from './bundle-signature';
import { prepareBundle } from './bundle-writer';
import { readManifest, verifyBundle, VerifyOptions } from './bundle-verifier';
import { hashedLine } from './hash-chain';
import { forged } from './testing/forged-bundle';
import {
  collect,
  COOP,
  dribble,
  keySource,
  PASSPHRASE,
  sampleHistory,
  SIGNER,
  testSigner,
} from './testing/sample-history';

// The bundle as lines: 1 manifest, 2–6 the five events, 7 the member key, 8 the seal, 9 the
// signature.
let text: string;
let lines: string[];

beforeAll(async () => {
  const { store, memberKeys } = sampleHistory();
  const bundle = await prepareBundle({
    store: store.asStore(),
    coopId: COOP,
    signer: SIGNER,
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

type Parsed = Record<string, unknown>;

/** Edited and re-hashed, signed with the coop's own key: a bundle its own signer wrote wrong. */
const signedWrong = (edit: (parsed: Parsed[]) => Parsed[]) => forged(lines, edit, SIGNER);

/** The event on `line` edited, the rest re-hashed and signed properly. */
const withEvent = (line: number, edit: (event: Parsed & { data: Parsed }) => void) =>
  signedWrong((parsed) => {
    edit(parsed[line - 1] as Parsed & { data: Parsed });
    return parsed;
  });

describe('verifying a bundle', () => {
  it('accepts the bundle as written, read in chunks cut anywhere, and sums it up', async () => {
    const summary = await verifyBundle(dribble(text, 3), { passphrase: PASSPHRASE });
    expect(summary).toMatchObject({
      eventCount: 5,
      memberKeyCount: 1,
      lineCount: 9,
      sealHash: JSON.parse(lines[7]).hash,
      manifest: { coopId: COOP, eventCount: 5 },
      signer: {
        party: 'coop',
        coopId: COOP,
        fingerprint: keyFingerprint(SIGNER.publicKey),
        checked: false,
      },
    });
    expect(await verifyBundle([text], { sealHash: summary.sealHash })).toEqual(summary);
    expect((await readManifest([text])).coopId).toBe(COOP);
  });

  it('one byte changed in an event: a hash mismatch on that line, naming the event', async () => {
    const edited = [...lines];
    edited[4] = edited[4].replace('"hundredths":5000', '"hundredths":5900');
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
      'line 9: truncated: the last line has no newline, the bundle was cut short',
    );
    expect((await refusal(joined(lines.slice(0, 8)))).message).toBe(
      'line 9 (signature): missing: the bundle stops after its seal (line 8), unsigned: it was cut short',
    );
  });

  it('the manifest’s count changed: its own hash no longer matches', async () => {
    const edited = [...lines];
    edited[0] = edited[0].replace('"eventCount":5', '"eventCount":4');
    expect((await refusal(joined(edited))).message).toMatch(/^line 1 \(manifest\): hash mismatch/);
  });

  it('the manifest’s count changed and every hash recomputed: the count gives it away', async () => {
    const fewer = signedWrong((parsed) => {
      parsed[0].eventCount = 4;
      return parsed;
    });
    expect((await refusal(fewer)).message).toBe(
      `line 6 (event #5, eventId ${eventId(6)}): the manifest announces 4 events: this one is beyond them`,
    );
    const more = signedWrong((parsed) => {
      parsed[0].eventCount = 6;
      return parsed;
    });
    expect((await refusal(more)).message).toMatch(
      /^line 7 \(member key #1, .*\): found after 5 events, where the manifest announces 6: event #6 and later ones are missing/,
    );
  });

  it('a line changed and every hash recomputed, without the key: the signature gives it away', async () => {
    const parsed = lines.map((line) => JSON.parse(line) as Parsed & { data: Parsed });
    parsed[4].data.amount = { unit: 'EUR', hundredths: 500000 };
    let prev = '';
    const rehashed = parsed.map((line, i) => {
      const { hash: _old, ...content } = line;
      if (i > 0) content.prev = prev;
      const out = hashedLine(content as never);
      prev = out.hash;
      return out.text;
    });
    const error = await refusal(rehashed.join(''));
    expect(error.message).toMatch(
      /^line 9 \(signature\): the signature is not one by the key the manifest names \([0-9a-f]{64}\): the bundle was changed after it was signed/,
    );
  });

  it('rewritten and signed with another key: sound in itself, naming that key; refused when the coop’s key is expected', async () => {
    const mallory = testSigner();
    const rewritten = forged(
      lines,
      (parsed) => {
        (parsed[4].data as Parsed).amount = { unit: 'EUR', hundredths: 500000 };
        return parsed;
      },
      mallory,
    );
    const summary = await verifyBundle([rewritten]);
    expect(summary.signer).toMatchObject({
      party: 'coop',
      coopId: COOP,
      fingerprint: keyFingerprint(mallory.publicKey),
      checked: false,
    });
    for (const expectKey of [keyFingerprint(SIGNER.publicKey), SIGNER.publicKey]) {
      expect((await refusal(rewritten, { expectKey })).message).toBe(
        `line 1 (manifest): signed by coop ${COOP} with key ${keyFingerprint(mallory.publicKey)}, ` +
          `not the expected key ${keyFingerprint(SIGNER.publicKey)}: refused`,
      );
    }
    const checked = await verifyBundle([text], { expectKey: keyFingerprint(SIGNER.publicKey) });
    expect(checked.signer.checked).toBe(true);
    const error = await refusal(rewritten, { sealHash: JSON.parse(lines[7]).hash });
    expect(error.message).toMatch(
      /^line 8 \(seal\): the seal's hash is .* not the .* noted at export/,
    );
  });

  it('signed by the consortium: says so', async () => {
    const consortium = testSigner('consortium');
    const summary = await verifyBundle([forged(lines, (parsed) => parsed, consortium)]);
    expect(summary.signer).toMatchObject({ party: 'consortium', coopId: COOP });
  });

  it('a line after the signature, a second manifest, or no manifest at all: refused', async () => {
    expect((await refusal(joined([...lines, lines[1]]))).message).toMatch(
      /^line 10 .*: a line after the signature \(line 9\): the bundle was extended/,
    );
    expect((await refusal(joined([...lines.slice(0, 8), lines[1], lines[8]]))).message).toMatch(
      /^line 9 .*: a line after the seal \(line 8\): the bundle was extended/,
    );
    expect((await refusal(joined(lines.slice(1)))).message).toMatch(
      /^line 1 \(event #1, .*\): the first line must be the manifest/,
    );
    expect((await refusal('')).message).toBe('bundle: empty: not even a manifest');
    expect((await refusal('not json\n')).message).toMatch(/^line 1: not valid JSON/);
  });

  it('a format version it does not know: says so rather than a hash mismatch', async () => {
    const edited = [lines[0].replace('"formatVersion":2', '"formatVersion":3'), ...lines.slice(1)];
    expect((await refusal(joined(edited))).message).toBe(
      'line 1: format version 3 is not supported (this tool reads version 2)',
    );
    const unsigned = [
      lines[0].replace('"formatVersion":2', '"formatVersion":1'),
      ...lines.slice(1),
    ];
    expect((await refusal(joined(unsigned))).message).toMatch(
      /^line 1: format version 1 bundles carry no signature/,
    );
  });

  it('the wrong passphrase: refused at the first member key', async () => {
    expect((await refusal(text, { passphrase: 'not the right passphrase' })).message).toMatch(
      /^line 7 \(member key #1, keyId .*\): does not open with this passphrase/,
    );
  });
});

describe('every event is checked against its contract, even in a bundle signed as it should be', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'an unknown event type',
      () => withEvent(5, (event) => void (event.type = 'MoneyPrinted')),
      /^line 5 \(event #4, .*\): unknown event type "MoneyPrinted"$/,
    ],
    [
      'a schema version no app wrote',
      () => withEvent(5, (event) => void (event.schemaVersion = 7)),
      /^line 5 .*: CapitalPaid has no schema version 7 \(known: 1\)$/,
    ],
    [
      'an amount beyond the bound',
      () => withEvent(5, (event) => void (event.data.amount = { unit: 'EUR', hundredths: 1e30 })),
      /^line 5 .*: CapitalPaid: data\.amount\.hundredths must be a whole number of hundredths from 0 to 99999999999, not 1e\+30$/,
    ],
    [
      'a member missing',
      () => withEvent(3, (event) => void delete event.data.category),
      /^line 3 .*: MemberAdmitted: data\.category is missing$/,
    ],
    [
      'a member no app writes',
      () => withEvent(3, (event) => void (event.data.isAdmin = true)),
      /^line 3 .*: MemberAdmitted: data\.isAdmin is not a member of this payload$/,
    ],
    [
      'an id that is not a uuid',
      () => withEvent(5, (event) => void (event.data.memberId = 'anna')),
      /^line 5 .*: CapitalPaid: data\.memberId must be a uuid, not "anna"$/,
    ],
    [
      'a NUL in a string',
      () => withEvent(2, (event) => void (event.data.territory = 'Tor\u0000ino')),
      /^line 2 .*: data\.territory holds a NUL character$/,
    ],
    [
      'a lone surrogate in a string',
      () => withEvent(2, (event) => void (event.actor = 'admin-\ud800')),
      /^line 2 .*: actor holds a lone surrogate/,
    ],
    [
      'another coop’s stream',
      () =>
        withEvent(4, (event) => {
          event.streamId = `coop/casa-comune/member/${event.data.memberId as string}`;
        }),
      /^line 4 .*: stream coop\/casa-comune\/member\/.* belongs to coop casa-comune, not to velo-solidaire$/,
    ],
    [
      'the coop’s event in a stream that is not its own',
      () => withEvent(5, (event) => void (event.streamId = `coop/${COOP}/member/other`)),
      /^line 5 .*: CapitalPaid belongs in stream coop\/velo-solidaire\/member\/.*, not coop\/velo-solidaire\/member\/other$/,
    ],
    [
      'a payload about another coop',
      () => withEvent(6, (event) => void (event.data.coopId = 'casa-comune')),
      /^line 6 .*: CoopAdmitted is about coop casa-comune, not velo-solidaire$/,
    ],
  ];

  it.each(cases)('%s: refused, naming the line and the reason', async (_name, make, reason) => {
    expect((await refusal(make())).message).toMatch(reason);
  });
});

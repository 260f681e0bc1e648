import { prepareBundle } from './bundle-writer';
import { verifyBundle } from './bundle-verifier';
import { BUNDLE_FORMAT, EventLine, MemberKeyLine } from './bundle-format';
import { keyFingerprint } from './bundle-signature';
import {
  collect,
  COOP,
  keySource,
  PASSPHRASE,
  sampleHistory,
  SIGNER,
} from './testing/sample-history';

const parse = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('writing a bundle', () => {
  it('holds every event of the coop, its own and the consortium’s about it, in global order', async () => {
    const { store } = sampleHistory();
    const bundle = await prepareBundle({ store: store.asStore(), coopId: COOP, signer: SIGNER });
    const lines = parse(await collect(bundle.text()));

    const ofCoop = store.events.filter((e) => e.metadata.coopId === COOP);
    expect(lines[0]).toMatchObject({
      kind: 'manifest',
      format: BUNDLE_FORMAT,
      formatVersion: 2,
      coopId: COOP,
      eventCount: ofCoop.length,
      positions: { from: 'start', through: ofCoop.at(-1)!.checkpoint, storeHead: 6 },
      personalData: { memberKeys: 'none' },
      signer: { party: 'coop', algorithm: 'Ed25519', publicKey: SIGNER.publicKey },
    });
    const events = lines.filter((l): l is EventLine => l.kind === 'event');
    expect(events.map((e) => e.eventId)).toEqual(ofCoop.map((e) => e.eventId));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events.at(-1)).toMatchObject({
      streamId: 'consortium/registry/member-coops',
      type: 'CoopAdmitted',
      coopId: COOP,
    });
    const first = ofCoop[0];
    expect(events[0]).toEqual({
      kind: 'event',
      seq: 1,
      eventId: first.eventId,
      type: first.type,
      schemaVersion: 1,
      streamId: first.streamId,
      streamVersion: 1,
      globalPosition: 1,
      occurredAt: first.occurredAt.toISOString(),
      coopId: COOP,
      actor: first.metadata.actor,
      correlationId: first.metadata.correlationId,
      causationId: first.metadata.causationId,
      data: first.data,
      prev: lines[0].hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(lines.at(-2)).toMatchObject({ kind: 'seal', eventCount: 5, memberKeyCount: 0 });
    expect(lines.at(-1)).toMatchObject({ kind: 'signature', prev: lines.at(-2).hash });
    expect(
      (await verifyBundle([lines.map((l) => JSON.stringify(l)).join('\n') + '\n'])).signer,
    ).toMatchObject({ party: 'coop', fingerprint: keyFingerprint(SIGNER.publicKey) });
  });

  it('fixes its range before writing: events recorded meanwhile stay out', async () => {
    const { store } = sampleHistory();
    const bundle = await prepareBundle({ store: store.asStore(), coopId: COOP, signer: SIGNER });
    store.record(COOP, `coop/${COOP}/resource/r1`, 'ResourceShared', { resourceId: 'r1' });
    const text = await collect(bundle.text());
    expect(text).not.toContain('ResourceShared');
    expect((await verifyBundle([text])).eventCount).toBe(5);
  });

  it('carries member keys only wrapped, and only when a passphrase is given', async () => {
    const { store, memberKeys } = sampleHistory();
    const without = await collect(
      (
        await prepareBundle({
          store: store.asStore(),
          coopId: COOP,
          signer: SIGNER,
          memberKeys: keySource(memberKeys),
        })
      ).text(),
    );
    expect(parse(without).some((l) => l.kind === 'memberKey')).toBe(false);

    const withKeys = await prepareBundle({
      store: store.asStore(),
      coopId: COOP,
      signer: SIGNER,
      memberKeys: keySource(memberKeys),
      passphrase: PASSPHRASE,
    });
    const text = await collect(withKeys.text());
    expect(withKeys.manifest.personalData).toMatchObject({
      memberKeys: 'wrapped',
      cipher: 'aes-256-gcm',
    });
    const keys = parse(text).filter((l): l is MemberKeyLine => l.kind === 'memberKey');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ keyId: memberKeys[0].keyId, memberId: memberKeys[0].memberId });
    expect(text).not.toContain(memberKeys[0].key.toString('base64'));
    expect(text).not.toContain(memberKeys[0].key.toString('hex'));
  });

  it('refuses a short passphrase, or one where no member key is kept', async () => {
    const { store, memberKeys } = sampleHistory();
    await expect(
      prepareBundle({
        store: store.asStore(),
        coopId: COOP,
        signer: SIGNER,
        memberKeys: keySource(memberKeys),
        passphrase: 'short',
      }),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(
      prepareBundle({
        store: store.asStore(),
        coopId: COOP,
        signer: SIGNER,
        passphrase: PASSPHRASE,
      }),
    ).rejects.toThrow(/only be exported where they are kept/);
  });
});

import { randomUUID } from 'node:crypto';
import { coopStream, MEMBER_AGGREGATE } from '@libs/contracts';
import { quoteIdentifier } from '@libs/database';
import { ANY, PostgresEventStore } from '@libs/event-store';
import { ConsortiumUnderTest, startConsortium } from '../consortium/consortium-app';
import { DATABASE_URL, eventually, TestSchemas } from '../support/apps';
import { columnsHolding } from '../support/database-scan';
import { queryDatabase } from '../support/test-database';
import { coopAdminToken, CoopUnderTest, createdId, startDescribedCoop } from './coop-app';
import { admission } from './sample-requests';
import { checkedFetch } from '../support/openapi-conformance';

// The reason of an exclusion or a withdrawal often names people. It is sealed with the member's
// key like the member's name: after the member's erasure it is nowhere in clear, in no schema of
// the database (the shared store, the coop's tables, the consortium's) and in no new export.
const COOP_ID = 'casa-aperta';
const schemas = new TestSchemas();
const coopSchema = schemas.readModels();
let coop: CoopUnderTest;
let consortium: ConsortiumUnderTest;

// A surname no other test writes, so that a scan of the whole database finds only this file's.
const surname = `Rossi${randomUUID().slice(0, 8)}`;
const excluded = randomUUID();
const withdrawn = randomUUID();
const exclusionReason = `Mario ${surname} (born 1970-01-01) kept the coop's tools at home`;
const withdrawalReason = `Anna ${surname} moves to Turin to care for her mother`;
const exclusionKey = { 'idempotency-key': randomUUID() };
const exclusion = { decidedOn: '2025-06-15', reason: exclusionReason };

beforeAll(async () => {
  [coop, consortium] = await Promise.all([
    startDescribedCoop(schemas, COOP_ID, { DATABASE_SCHEMA: coopSchema }),
    startConsortium(schemas),
  ]);
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.app.stop()]);
  await schemas.drop();
});

interface Listed {
  memberId: string;
  exit: { reason: string | null } | null;
}

async function listedReasons(): Promise<Record<string, string | null | undefined>> {
  const list = await coop.auditor<{ items: Listed[] }>('GET', '/members?limit=500');
  const reasonOf = (id: string) => list.body.items.find((m) => m.memberId === id)?.exit?.reason;
  return { [excluded]: reasonOf(excluded), [withdrawn]: reasonOf(withdrawn) };
}

/** The members' exits as the consortium has counted them (its own table). */
async function consortiumStatuses(): Promise<string[]> {
  const rows = await queryDatabase<{ status: string }>(
    `SELECT status FROM ${quoteIdentifier(consortium.readModels)}.coop_members
     WHERE member_id = ANY ($1) ORDER BY status`,
    [[excluded, withdrawn]],
  );
  return rows.map((row) => row.status);
}

async function exportText(headers: Record<string, string> = {}): Promise<string> {
  const response = await checkedFetch(coop.app.url, '/export', {
    headers: { authorization: `Bearer ${coopAdminToken(COOP_ID)}`, ...headers },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('reasons about a member, sealed with the member’s key', () => {
  it('the admin reads the reasons; nothing but the kept answer holds them in clear', async () => {
    createdId(
      await coop.admin(
        'POST',
        '/members',
        admission({ memberId: excluded, displayName: `Mario ${surname}` }),
      ),
      'memberId',
    );
    // Admitted without a name: the reason is the only personal data about this member.
    createdId(await coop.admin('POST', '/members', admission({ memberId: withdrawn })), 'memberId');

    const exclusionAnswer = await coop.admin(
      'POST',
      `/members/${excluded}/exclusion`,
      exclusion,
      exclusionKey,
    );
    const withdrawal = await coop.admin('POST', `/members/${withdrawn}/withdrawal`, {
      requestedOn: '2025-05-02',
      reason: withdrawalReason,
    });

    expect(exclusionAnswer).toMatchObject({
      status: 201,
      body: { status: 'excluded', exit: { effectiveOn: '2025-06-15', reason: exclusionReason } },
    });
    expect(withdrawal).toMatchObject({ status: 201, body: { exit: { reason: withdrawalReason } } });
    expect((await coop.admin('GET', `/members/${excluded}`)).body).toMatchObject({
      exit: { reason: exclusionReason },
    });
    await eventually(async () => {
      expect(await listedReasons()).toEqual({
        [excluded]: exclusionReason,
        [withdrawn]: withdrawalReason,
      });
      expect(await consortiumStatuses()).toEqual(['excluded', 'withdrawn']);
    });
    // The events, the members view and the consortium's tables hold the reasons sealed; only the
    // answer kept for a retry of the exclusion says it in clear, as it was answered.
    expect(await columnsHolding(surname)).toEqual([`${coopSchema}.idempotency_keys.body`]);
  });

  it('after erasure the names are nowhere: no schema, no replayed answer, no new export', async () => {
    for (const memberId of [excluded, withdrawn]) {
      const erased = await coop.admin('DELETE', `/members/${memberId}/personal-data`);
      expect(erased).toMatchObject({
        status: 200,
        body: { displayName: null, exit: { reason: null } },
      });
    }
    await eventually(async () => {
      expect(await listedReasons()).toEqual({ [excluded]: null, [withdrawn]: null });
    });

    const replay = await coop.admin(
      'POST',
      `/members/${excluded}/exclusion`,
      exclusion,
      exclusionKey,
    );
    expect(replay).toMatchObject({
      status: 201,
      body: {
        displayName: null,
        status: 'excluded',
        exit: { effectiveOn: '2025-06-15', reason: null },
      },
    });
    expect(await columnsHolding(surname)).toEqual([]);

    const plain = await exportText();
    const withKeys = await exportText({ 'bundle-passphrase': 'a passphrase long enough' });
    for (const bundle of [plain, withKeys]) {
      expect(bundle).toContain(excluded);
      expect(bundle.toLowerCase()).not.toContain(surname.toLowerCase());
    }
    // No key of theirs travels: nothing in the bundle can open what was sealed for them.
    const keyLines = withKeys
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; memberId?: string })
      .filter((line) => line.kind === 'memberKey');
    expect(keyLines.map((line) => line.memberId)).not.toContain(excluded);
    expect(keyLines.map((line) => line.memberId)).not.toContain(withdrawn);
  });
});

describe('a refused exit', () => {
  it('leaves no key of a member behind: nothing was sealed that is kept', async () => {
    const unknown = randomUUID();
    const refused = await coop.admin('POST', `/members/${unknown}/exclusion`, exclusion);

    expect(refused.status).toBe(404);
    const keys = await queryDatabase(
      `SELECT 1 FROM ${quoteIdentifier(coopSchema)}.member_keys WHERE member_id = $1`,
      [unknown],
    );
    expect(keys).toEqual([]);
  });
});

describe('a reason recorded in clear before reasons were sealed (schema 1)', () => {
  const legacySurname = `Bianchi${randomUUID().slice(0, 8)}`;
  const legacyReason = `Carla ${legacySurname} retired to Sardinia`;
  const memberId = randomUUID();

  /** The withdrawal as the coop app recorded it before: schema 1, the reason in clear. */
  async function appendOldWithdrawal(): Promise<void> {
    const store = new PostgresEventStore({
      connectionString: DATABASE_URL,
      schema: schemas.eventStore,
    });
    await store.init();
    try {
      await store.appendToStream(
        coopStream(COOP_ID, MEMBER_AGGREGATE, memberId),
        [
          {
            eventId: randomUUID(),
            type: 'MemberWithdrew',
            schemaVersion: 1,
            data: {
              memberId,
              requestedOn: '2025-05-02',
              effectiveOn: '2025-12-31',
              reason: legacyReason,
              reimbursement: { amount: { unit: 'EUR', hundredths: 0 }, dueOn: '2026-10-27' },
            },
            metadata: {
              coopId: COOP_ID,
              actor: 'admin',
              correlationId: randomUUID(),
              causationId: randomUUID(),
            },
          },
        ],
        ANY,
      );
    } finally {
      await store.close();
    }
  }

  it('reads as written until erasure, then leaves every view; the stored event keeps it', async () => {
    createdId(await coop.admin('POST', '/members', admission({ memberId })), 'memberId');
    await appendOldWithdrawal();
    expect((await coop.admin('GET', `/members/${memberId}`)).body).toMatchObject({
      status: 'withdrawn',
      exit: { reason: legacyReason },
    });

    const erased = await coop.admin('DELETE', `/members/${memberId}/personal-data`);

    expect(erased).toMatchObject({ status: 200, body: { exit: { reason: null } } });
    await eventually(async () => {
      const list = await coop.auditor<{ items: Listed[] }>('GET', '/members?limit=500');
      expect(list.body.items.find((m) => m.memberId === memberId)?.exit).toMatchObject({
        reason: null,
      });
    });
    // The append-only store cannot be rewritten: the old event is the one place left, and a new
    // export carries it as it is (the limit the export format documents).
    expect(await columnsHolding(legacySurname)).toEqual([`${schemas.eventStore}.events.data`]);
  });
});

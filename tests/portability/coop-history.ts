import { ApiClient, createdId } from '../coop/coop-app';
import { admission, contribution, eur, PROFILE, resource, sol } from '../coop/sample-requests';

/** The people of the history: their names and e-mails must never show in a bundle in clear. */
export const PEOPLE = [
  { displayName: 'Anna Rossi', email: 'anna.rossi@example.org' },
  { displayName: 'Bruno Verdi', email: 'bruno.verdi@example.org' },
  { displayName: 'Carla Neri', email: 'carla.neri@example.org' },
  { displayName: 'Dario Gallo', email: 'dario.gallo@example.org' },
];

async function ok(response: Promise<{ status: number; body: unknown }>, status = 201) {
  const res = await response;
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res;
}

export interface CoopHistory {
  members: string[];
  contributions: number;
  /** Shared and not withdrawn. */
  resourcesOnOffer: number;
}

/**
 * A coop's life through its API: members with personal data (one later erased, one withdrawn),
 * shares subscribed and paid, contributions in EUR, SOL and hours (a pledge later paid),
 * resources shared (one withdrawn), an application to the consortium and a request to leave it.
 */
export async function liveAHistory(admin: ApiClient): Promise<CoopHistory> {
  await ok(admin('PUT', '/coop', PROFILE), 200);
  await ok(admin('POST', '/consortium/application'));

  const [anna, bruno, carla, dario] = [
    await admit(admin, { ...PEOPLE[0], disadvantaged: true, admittedOn: '2024-01-10' }),
    await admit(admin, { ...PEOPLE[1], admittedOn: '2024-02-01' }),
    await admit(admin, { ...PEOPLE[2], category: 'volunteer', admittedOn: '2024-03-15' }),
    await admit(admin, { ...PEOPLE[3], category: 'supporter', admittedOn: '2024-03-15' }),
  ];
  const elena = await admit(admin, {
    admittedOn: '2024-05-20',
    shares: { count: 2, nominalValue: eur('50.00') },
  });
  await ok(
    admin('POST', `/members/${anna}/shares`, {
      subscribedOn: '2024-06-01',
      shares: { count: 2, nominalValue: eur('50.00') },
    }),
  );
  for (const [member, amount] of [
    [anna, '200.00'],
    [bruno, '150.00'],
    [dario, '50.00'],
  ]) {
    await ok(
      admin('POST', `/members/${member}/payments`, { paidOn: '2024-07-01', amount: eur(amount) }),
    );
  }
  await ok(
    admin('POST', `/members/${bruno}/withdrawal`, {
      requestedOn: '2024-09-01',
      reason: 'moving away',
    }),
  );
  await ok(admin('DELETE', `/members/${carla}/personal-data`), 200);

  const record = async (overrides: Record<string, unknown>) =>
    createdId(await admin('POST', '/contributions', contribution(overrides)), 'contributionId');
  await record({});
  const pledge = await record({
    kind: 'eu_call',
    amount: eur('300.00'),
    status: 'pledged',
    theme: 'work',
  });
  await record({ kind: 'sales', amount: sol('40.00'), period: '2024-04' });
  await record({
    kind: 'volunteering',
    amount: undefined,
    time: { hours: '3.5' },
    period: '2024-04',
  });
  await record({ kind: 'donation', amount: sol('20.00'), status: 'pledged', period: '2024-05' });
  await ok(admin('POST', `/contributions/${pledge}/payment`, {}));

  const bike = createdId(await admin('POST', '/resources', resource()), 'resourceId');
  createdId(
    await admin(
      'POST',
      '/resources',
      resource({ kind: 'space', title: 'Workshop', themes: ['work'] }),
    ),
    'resourceId',
  );
  await ok(admin('DELETE', `/resources/${bike}`), 204);

  return { members: [anna, bruno, carla, dario, elena], contributions: 5, resourcesOnOffer: 1 };
}

async function admit(admin: ApiClient, overrides: Record<string, unknown>): Promise<string> {
  return createdId(await admin('POST', '/members', admission(overrides)), 'memberId');
}

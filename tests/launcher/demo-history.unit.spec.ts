import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTRIBUTION_KINDS, parseHundredths } from '@libs/contracts';
import { demoHistory } from '../../scripts/federation/demo/demo-history';

const federation = JSON.parse(
  readFileSync(resolve(__dirname, '../../federation.json'), 'utf8'),
) as { coops: { id: string; legalForm: string }[] };

describe('the demo history: believable, and within the model’s rules', () => {
  // Early in a year, the first of the year, and late in it.
  describe.each(['2027-01-01', '2027-03-15', '2026-11-28'])('seeded on %s', (today) => {
    const history = demoHistory(today);

    it('has a history for every demo coop, dated no later than the day it is seeded', () => {
      expect(Object.keys(history.coops).sort()).toEqual(federation.coops.map((c) => c.id).sort());
      for (const coop of Object.values(history.coops)) {
        const dates = coop.members.flatMap((m) => [m.admittedOn, ...m.payments.map(([on]) => on)]);
        expect(dates.filter((date) => date > today)).toEqual([]);
        expect(coop.contributions.filter((c) => c.period > today.slice(0, 7))).toEqual([]);
      }
    });

    it('keeps the member rules: disadvantaged workers ≥ 30% in the type-B coop, volunteers ≤ half', () => {
      for (const { id, legalForm } of federation.coops) {
        const members = history.coops[id].members;
        const workers = members.filter((m) => m.category === 'worker');
        const volunteers = members.filter((m) => m.category === 'volunteer');
        expect(volunteers.length * 2).toBeLessThanOrEqual(members.length);
        if (legalForm === 'social_coop_b') {
          const disadvantaged = workers.filter((m) => m.disadvantaged).length;
          expect(disadvantaged * 10).toBeGreaterThanOrEqual(workers.length * 3);
        }
        if (legalForm === 'scic') {
          expect(new Set(members.map((m) => m.category)).size).toBeGreaterThanOrEqual(3);
        }
        for (const member of members) {
          const subscribed = member.shares.count * parseHundredths(member.shares.nominalValue)!;
          const paid = member.payments.reduce(
            (sum, [, amount]) => sum + parseHundredths(amount)!,
            0,
          );
          expect(paid).toBeLessThanOrEqual(subscribed);
        }
      }
    });

    it('brings money in EUR and SOL and time in hours, only time for non-monetary kinds', () => {
      const contributions = Object.values(history.coops).flatMap((coop) => coop.contributions);
      const units = new Set(contributions.map((c) => (c.hours ? 'hours' : c.amount!.currency)));
      expect([...units].sort()).toEqual(['EUR', 'SOL', 'hours']);
      for (const c of contributions.filter((c) => c.hours)) {
        expect(CONTRIBUTION_KINDS[c.kind]).toBe('non_monetary');
      }
      expect(contributions.some((c) => c.paidLater)).toBe(true);
      expect(history.budget.periodId).toBe(today.slice(0, 4));
    });
  });
});

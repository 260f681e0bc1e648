import { randomUUID } from 'node:crypto';
import { formatHundredths, THEMES, Unit } from '@libs/contracts';
import { month } from './consortium-app';

/** One contribution of a burst: which coop records it, what it sends, and what it is worth. */
export interface BurstContribution {
  coopId: string;
  contributionId: string;
  unit: Unit;
  hundredths: number;
  pledged: boolean;
  /** The body of `POST /contributions`. */
  body: Record<string, unknown>;
}

const MONEY_KINDS = ['dues', 'sales', 'grant', 'donation', 'eu_call', 'public_partnership'];
const TIME_KINDS = ['volunteering', 'skill_exchange', 'barter', 'self_production'];
const UNITS: Unit[] = ['EUR', 'EUR', 'SOL', 'hours'];

/**
 * `count` contributions spread over the coops, every kind, unit, theme and month of the year,
 * one in four a pledge; amounts vary to the cent, so a lost or doubled event shows in any sum.
 */
export function contributionBurst(count: number, coopIds: string[]): BurstContribution[] {
  return Array.from({ length: count }, (_, i) => {
    const unit = UNITS[i % UNITS.length];
    const hundredths = 100 + ((i * 7919) % 50_000);
    const pledged = i % 4 === 1;
    const contributionId = randomUUID();
    const kinds = unit === 'hours' ? TIME_KINDS : MONEY_KINDS;
    const quantity =
      unit === 'hours'
        ? { time: { hours: formatHundredths(hundredths) } }
        : { amount: { amount: formatHundredths(hundredths), currency: unit } };
    return {
      coopId: coopIds[i % coopIds.length],
      contributionId,
      unit,
      hundredths,
      pledged,
      body: {
        contributionId,
        kind: kinds[Math.floor(i / UNITS.length) % kinds.length],
        ...quantity,
        period: month(String((i % 12) + 1).padStart(2, '0')),
        theme: THEMES[i % THEMES.length],
        status: pledged ? 'pledged' : 'paid',
      },
    };
  });
}

/** The pooled-means totals the burst must add up to, given the pledges paid since. */
export function burstTotals(
  burst: BurstContribution[],
  paidPledges: ReadonlySet<string>,
): { unit: Unit; pledged: string; paid: string }[] {
  const units: Unit[] = ['EUR', 'SOL', 'hours'];
  return units.map((unit) => {
    let pledged = 0;
    let paid = 0;
    for (const c of burst) {
      if (c.unit !== unit) continue;
      if (c.pledged && !paidPledges.has(c.contributionId)) pledged += c.hundredths;
      else paid += c.hundredths;
    }
    return { unit, pledged: formatHundredths(pledged), paid: formatHundredths(paid) };
  });
}

import { LegalForm, RegistryEvent, SOCIAL_COOP_FORMS } from '@libs/contracts';
import { Decider, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import {
  applies,
  ConsortiumLegalForm,
  exitYear,
  owedBack,
  RATIO_RULES,
  REIMBURSEMENT,
  reimbursementDueOn,
} from '@libs/rules';

export type RegistryCommand =
  | {
      type: 'AdmitCoop';
      coopId: string;
      /** From the coop's own stream: its profile's legal form and whether it applied. */
      legalForm: LegalForm;
      applied: boolean;
      /** From the coop's application: the key that signs its bundles, recorded at admission. */
      bundleKey: string | null;
      admittedOn: string;
      by: string;
      /** The board admits despite the composition rule, and says why. */
      override: { reason: string } | null;
      /** The 70% rule is the Italian consorzio's (L. 381/1991 art. 8); default consorzio. */
      consortiumForm?: ConsortiumLegalForm;
    }
  | {
      type: 'SettleWithdrawal';
      coopId: string;
      /** From the coop's own stream: it asked to leave, and on which day it gave notice. */
      withdrawalRequested: boolean;
      noticeGivenOn?: string | null;
      settledOn: string;
      /** Capital the coop paid into the consortium, owed back (EUR cents). */
      capitalOwed: number;
      /** The coop's share of a loss in the exit year's accounts, deducted (EUR cents). */
      lossShare?: number;
      accountsApprovedOn?: string;
      /** Read from the consortium's views at settlement: what the settlement takes off the books. */
      openPledges: string[];
      resources: string[];
      openAllocations: string[];
    };

export type MemberCoopStatus = 'admitted' | 'withdrawn';

/** The consortium's member coops, as its registry stream folds them. */
export interface RegistryState {
  coops: Record<string, { legalForm: LegalForm; status: MemberCoopStatus }>;
}

export function evolve(state: RegistryState, event: RegistryEvent): RegistryState {
  switch (event.type) {
    case 'CoopAdmitted':
      return {
        coops: {
          ...state.coops,
          [event.data.coopId]: { legalForm: event.data.legalForm, status: 'admitted' },
        },
      };
    case 'CoopWithdrawalSettled': {
      const coop = state.coops[event.data.coopId];
      return coop
        ? { coops: { ...state.coops, [event.data.coopId]: { ...coop, status: 'withdrawn' } } }
        : state;
    }
  }
}

/** Admitted coops of a social form, and all admitted coops. */
export function socialCoopCounts(state: RegistryState): { social: number; total: number } {
  const admitted = Object.values(state.coops).filter((coop) => coop.status === 'admitted');
  return {
    social: admitted.filter((coop) => SOCIAL_COOP_FORMS.includes(coop.legalForm)).length,
    total: admitted.length,
  };
}

const SOCIAL_COOPS = RATIO_RULES.social_coops_at_least_70pct;

export function decide(command: RegistryCommand, state: RegistryState): RegistryEvent[] {
  return command.type === 'AdmitCoop' ? admit(command, state) : settle(command, state);
}

/**
 * A leaving coop is settled: it leaves at the close of the year c.c. 2532's notice rule fixes, and
 * the capital owed back, less its share of a loss, falls due 180 days after the approval of the
 * accounts of that year (c.c. 2535); its open pledges are cancelled and its resources leave the
 * catalogue; money it already paid stays in past totals (history is never rewritten).
 */
function settle(
  command: Extract<RegistryCommand, { type: 'SettleWithdrawal' }>,
  state: RegistryState,
): RegistryEvent[] {
  const current = state.coops[command.coopId];
  if (!current) throw new NotFound(`${command.coopId} is not a member coop`);
  if (current.status === 'withdrawn') throw new StateConflict(`${command.coopId} has already left`);
  if (!command.withdrawalRequested) {
    throw new StateConflict(`${command.coopId} has not asked to leave the consortium`);
  }
  // Older requests carry no notice day: the settlement's own day stands for it.
  const leavingYear = exitYear(command.noticeGivenOn ?? command.settledOn);
  if (command.accountsApprovedOn && command.accountsApprovedOn <= `${leavingYear}-12-31`) {
    throw new RuleViolation(
      'accounts_of_exit_year',
      `${command.coopId} leaves at the close of ${leavingYear}: capital is reimbursed on the accounts of that year, approved after it closes`,
      REIMBURSEMENT.source,
    );
  }
  const lossShare = command.lossShare ?? 0;
  return [
    {
      type: 'CoopWithdrawalSettled',
      data: {
        coopId: command.coopId,
        settledOn: command.settledOn,
        capitalOwed: { unit: 'EUR', hundredths: owedBack(command.capitalOwed, lossShare) },
        dueOn: reimbursementDueOn(leavingYear, command.accountsApprovedOn),
        exitYear: leavingYear,
        lossDeducted: { unit: 'EUR', hundredths: Math.min(lossShare, command.capitalOwed) },
        cancelledPledges: command.openPledges,
        withdrawnResources: command.resources,
        openAllocations: command.openAllocations,
      },
    },
  ];
}

function admit(
  command: Extract<RegistryCommand, { type: 'AdmitCoop' }>,
  state: RegistryState,
): RegistryEvent[] {
  const current = state.coops[command.coopId];
  if (current?.status === 'admitted')
    throw new StateConflict(`${command.coopId} is already a member coop`);
  if (current?.status === 'withdrawn')
    throw new StateConflict(`${command.coopId} has left the consortium`);
  if (!command.applied)
    throw new StateConflict(`${command.coopId} has not applied to the consortium`);

  const social = SOCIAL_COOP_FORMS.includes(command.legalForm);
  const counts = socialCoopCounts(state);
  const after = { social: counts.social + (social ? 1 : 0), total: counts.total + 1 };
  const { numerator, denominator } = SOCIAL_COOPS.threshold;
  // Only an admission that leaves the share below 70% breaks the rule; a social coop never does.
  const breaks =
    applies(SOCIAL_COOPS.rule, command.consortiumForm ?? 'consorzio') &&
    !social &&
    after.social * denominator < numerator * after.total;
  if (breaks && !command.override) {
    throw new RuleViolation(
      SOCIAL_COOPS.rule,
      `admitting ${command.coopId} (${command.legalForm}) would leave social coops at ${after.social} of ${after.total} member coops, under 70%; the board may admit it with an explicit override and its reason`,
      SOCIAL_COOPS.source,
    );
  }
  return [
    {
      type: 'CoopAdmitted',
      data: {
        coopId: command.coopId,
        legalForm: command.legalForm,
        admittedOn: command.admittedOn,
        override:
          breaks && command.override
            ? { rule: SOCIAL_COOPS.rule, reason: command.override.reason, by: command.by }
            : null,
        bundleKey: command.bundleKey,
      },
    },
  ];
}

export const registryDecider: Decider<RegistryState, RegistryCommand, RegistryEvent> = {
  initialState: () => ({ coops: {} }),
  evolve,
  decide,
};

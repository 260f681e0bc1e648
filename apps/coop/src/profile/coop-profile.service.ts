import { Inject, Injectable } from '@nestjs/common';
import { COOP_ID } from '../coop-id';
import { LegalForm, ShareForm } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { CommandMeta, today } from '@libs/api-conventions';
import { leavesOn } from '@libs/rules';
import { CommandBus } from '@nestjs/cqrs';
import { CoopProfileChange, CoopProfileHandler } from './coop-profile.command-handler';
import { IncubationHistoryHandler } from '../incubation';
import { CoopSigningKey } from '../export';
import { ConsortiumQueries } from '../consortium';
import { ConsortiumStatus, consortiumStatus } from '../consortium';
import { IncubationView, incubationView } from '../incubation';
import { CoopProfileCommand, CoopProfileState } from './coop-profile.decider';
import { SetProfileDto } from './profile.dto';

/** The stricter reading when the coop has not said: the per-share cap applies. */
const DEFAULT_SHARE_FORM: ShareForm = 'azioni';

export interface CoopProfileView {
  id: string;
  name: string | null;
  legalForm: LegalForm | null;
  themes: string[];
  territory: string | null;
  /** How the capital is divided (c.c. 2525); `azioni` unless the coop said `quote`. */
  shareForm: ShareForm;
  statutesRaiseHoldingCap: boolean;
  consortiumStatus: ConsortiumStatus;
  /**
   * Once the coop gave notice: it leaves at the close of that year if notice came at least three
   * months before it, else at the close of the next (c.c. 2532).
   */
  consortiumExit: { noticeGivenOn: string; leavesOn: string } | null;
  /** Its pre-history, when the coop was a project the consortium incubated and imported it. */
  incubation: IncubationView | null;
}

@Injectable()
export class CoopProfileService {
  constructor(
    private readonly coopProfileHandler: CoopProfileHandler,
    private readonly incubationHistoryHandler: IncubationHistoryHandler,
    private readonly commandBus: CommandBus,
    private readonly signingKey: CoopSigningKey,
    private readonly consortium: ConsortiumQueries,
    @Inject(COOP_ID) private readonly coopId: string,
  ) {}

  /** `version`: the profile's, what `If-Match` compares (the pre-history never changes it). */
  async view(): Promise<{ view: CoopProfileView; version: number }> {
    const { state, version } = await this.load();
    return { version, view: await this.viewOf(state) };
  }

  private load() {
    return this.coopProfileHandler.current(this.coopId);
  }

  /**
   * The profile as the state holds it (loaded, or just changed by a command), and where the coop
   * stands with the consortium: its own steps and the board's decisions about it.
   */
  async viewOf(state: CoopProfileState): Promise<CoopProfileView> {
    const profile = state.profile;
    const board = await this.consortium.boardDecisions();
    return {
      id: this.coopId,
      name: profile?.name ?? null,
      legalForm: profile?.legalForm ?? null,
      themes: profile?.themes ?? [],
      territory: profile?.territory ?? null,
      shareForm: profile?.shareForm ?? DEFAULT_SHARE_FORM,
      statutesRaiseHoldingCap: profile?.statutesRaiseHoldingCap ?? false,
      consortiumStatus: consortiumStatus(state.application, board),
      consortiumExit: state.withdrawalRequestedOn
        ? {
            noticeGivenOn: state.withdrawalRequestedOn,
            leavesOn: leavesOn(state.withdrawalRequestedOn),
          }
        : null,
      incubation: await this.incubation(),
    };
  }

  private async incubation(): Promise<IncubationView | null> {
    const { state } = await this.incubationHistoryHandler.current(this.coopId);
    return state.received && incubationView(state.received);
  }

  /** The legal form whose rule set applies to members' shares; null until the coop describes itself. */
  async legalForm(): Promise<LegalForm | null> {
    return (await this.load()).state.profile?.legalForm ?? null;
  }

  /** What the share rules read of the profile; null until the coop describes itself. */
  async shareRules(): Promise<{
    legalForm: LegalForm;
    shareForm: ShareForm;
    statutesRaiseHoldingCap: boolean;
  } | null> {
    const { profile } = (await this.load()).state;
    if (!profile) return null;
    return {
      legalForm: profile.legalForm,
      shareForm: profile.shareForm ?? DEFAULT_SHARE_FORM,
      statutesRaiseHoldingCap: profile.statutesRaiseHoldingCap ?? false,
    };
  }

  set(dto: SetProfileDto, meta: CommandMeta) {
    const { name, legalForm, themes, territory } = dto;
    return this.run(
      {
        type: 'SetProfile',
        coopId: this.coopId,
        name,
        legalForm,
        themes,
        territory,
        shareForm: dto.shareForm ?? DEFAULT_SHARE_FORM,
        statutesRaiseHoldingCap: dto.statutesRaiseHoldingCap ?? false,
      },
      meta,
    );
  }

  /** The application carries the key that signs the coop's bundles, for the consortium to record. */
  async apply(meta: CommandMeta) {
    return this.run(
      {
        type: 'ApplyToConsortium',
        coopId: this.coopId,
        submittedOn: today(),
        bundleKey: await this.signingKey.publicKey(),
      },
      meta,
    );
  }

  /** `requestedOn`: the day notice was given, default today; never a day to come. */
  requestWithdrawal(reason: string | null, meta: CommandMeta, requestedOn?: string) {
    const day = today();
    if (requestedOn && requestedOn > day) {
      throw new RuleViolation('notice_not_in_future', 'notice is given on a past day or today');
    }
    return this.run(
      {
        type: 'RequestConsortiumWithdrawal',
        coopId: this.coopId,
        requestedOn: requestedOn ?? day,
        reason,
      },
      meta,
    );
  }

  private run(command: CoopProfileCommand, meta: CommandMeta) {
    return this.commandBus.execute(new CoopProfileChange(this.coopId, command, meta));
  }
}

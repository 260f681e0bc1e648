import { Controller, ForbiddenException, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@libs/aggregates';
import { Actor, CurrentActor, Roles } from '@libs/auth';
import { isCoopId } from '@libs/contracts';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ApiProblems } from '@libs/http';
import { ApiBundleResponse, bundleResponse, prepareBundle } from '@libs/portability';
import { ConsortiumSigningKey } from './consortium-signing-key';

/**
 * A coop's history as the bundle its own app exports, for the board (a coop that left, or will)
 * and for that coop's admin. The consortium does not hold the members' keys: its bundle never
 * carries them. Nor does it hold the coop's signing key: it signs with its own, and says so.
 */
@ApiTags('coops')
@ApiBearerAuth()
@Controller('coops')
export class CoopExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signingKey: ConsortiumSigningKey,
  ) {}

  @Get(':coopId/export')
  @Roles('board-member', 'coop-admin')
  @ApiOperation({
    summary: 'Export a coop’s whole event history as a verifiable bundle (NDJSON, streamed)',
    description:
      'The same events as the coop app’s `GET /export` (docs/export-format.md), without the ' +
      'members’ keys, which only the coop holds, and signed by the consortium’s own key ' +
      '(the manifest’s `signer.party` is `consortium`), not the coop’s. Board members, or the ' +
      'admin of that coop.',
  })
  @ApiBundleResponse()
  @ApiProblems(401, 403, 404)
  async export(
    @Param('coopId') coopId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    if (actor.role === 'coop-admin' && actor.coopId !== coopId) {
      throw new ForbiddenException(`a coop admin may export only their own coop, not ${coopId}`);
    }
    if (!isCoopId(coopId)) throw new NotFound(`no coop ${coopId}`);
    const bundle = await prepareBundle({
      store: this.store,
      coopId,
      signer: await this.signingKey.signer(),
    });
    if (bundle.manifest.eventCount === 0) throw new NotFound(`no coop ${coopId} in the store`);
    return bundleResponse(bundle);
  }
}

import { Controller, Get, Headers, Inject, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '@libs/auth';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ApiProblems, InvalidInput } from '@libs/http';
import {
  ApiBundleResponse,
  bundleResponse,
  MIN_PASSPHRASE_LENGTH,
  prepareBundle,
} from '@libs/portability';
import { COOP_ID } from '../coop-id';
import { CoopSigningKey } from './coop-signing-key';
import { MemberKeyTable } from '../membership';

export const PASSPHRASE_HEADER = 'bundle-passphrase';

/** The coop's whole history as a portable bundle (docs/export-format.md). */
@ApiTags('export')
@ApiBearerAuth()
@Controller('export')
export class ExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COOP_ID) private readonly coopId: string,
    @InjectDataSource() private readonly db: DataSource,
    private readonly signingKey: CoopSigningKey,
  ) {}

  @Get()
  @Roles('coop-admin')
  @ApiOperation({
    summary: 'Export the coop’s whole event history as a verifiable bundle (NDJSON, streamed)',
    description:
      'Every event of the coop’s streams and the consortium’s events about it, in global order, ' +
      'each line chained to the one before by SHA-256 and the whole signed with the coop’s own ' +
      'Ed25519 key, recorded by the consortium at admission (docs/export-format.md). Personal data ' +
      'stays sealed; with a `Bundle-Passphrase` header the members’ keys travel too, wrapped ' +
      'with a key derived from it, so that an import with the same passphrase restores names ' +
      'and e-mails.',
  })
  @ApiHeader({
    name: 'Bundle-Passphrase',
    required: false,
    description: `at least ${MIN_PASSPHRASE_LENGTH} characters; wraps the members’ keys into the bundle`,
  })
  @ApiBundleResponse()
  @ApiProblems(400, 401, 403)
  async export(@Headers(PASSPHRASE_HEADER) passphrase?: string): Promise<StreamableFile> {
    if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new InvalidInput([
        {
          field: 'Bundle-Passphrase',
          message: `must have at least ${MIN_PASSPHRASE_LENGTH} characters`,
        },
      ]);
    }
    const bundle = await prepareBundle({
      store: this.store,
      coopId: this.coopId,
      signer: await this.signingKey.signer(),
      memberKeys: new MemberKeyTable(this.db),
      passphrase,
    });
    return bundleResponse(bundle);
  }
}

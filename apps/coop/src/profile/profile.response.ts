import { ApiProperty } from '@nestjs/swagger';
import {
  COOP_ID_MAX_LENGTH,
  LEGAL_FORMS,
  LegalForm,
  SHARE_FORMS,
  ShareForm,
  THEMES,
} from '@libs/contracts';
import { IncubationResponse } from '../incubation';
import { CONSORTIUM_STATUSES, ConsortiumStatus } from '../consortium';
import { CoopProfileView } from './coop-profile.service';

class ConsortiumExitResponse {
  @ApiProperty({ format: 'date', maxLength: 10 })
  noticeGivenOn!: string;

  @ApiProperty({
    format: 'date',
    maxLength: 10,
    description: 'the close of the year the coop leaves at',
  })
  leavesOn!: string;
}

/** `GET /coop`: the coop as it describes itself, and where it stands with the consortium. */
export class CoopProfileResponse implements CoopProfileView {
  @ApiProperty({ example: 'velo-solidaire', maxLength: COOP_ID_MAX_LENGTH })
  id!: string;

  @ApiProperty({ type: 'string', nullable: true, maxLength: 200 })
  name!: string | null;

  @ApiProperty({ enum: LEGAL_FORMS, nullable: true })
  legalForm!: LegalForm | null;

  @ApiProperty({ enum: THEMES, isArray: true, maxItems: THEMES.length })
  themes!: string[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 200 })
  territory!: string | null;

  @ApiProperty({ enum: SHARE_FORMS })
  shareForm!: ShareForm;

  @ApiProperty()
  statutesRaiseHoldingCap!: boolean;

  @ApiProperty({ enum: CONSORTIUM_STATUSES })
  consortiumStatus!: ConsortiumStatus;

  @ApiProperty({ type: ConsortiumExitResponse, nullable: true })
  consortiumExit!: ConsortiumExitResponse | null;

  @ApiProperty({
    type: IncubationResponse,
    nullable: true,
    description:
      'when the coop was a project the consortium incubated: its pre-history, from the ' +
      'consortium’s signed bundle the coop imported (`npm run cli -- import`); null otherwise',
  })
  incubation!: IncubationResponse | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_FORMS, LegalForm } from '@libs/contracts';
import { ConsortiumStatus, CoopProfileView } from './coop-profile.service';

class ConsortiumExitResponse {
  @ApiProperty({ format: 'date', maxLength: 10 }) noticeGivenOn!: string;
  @ApiProperty({ format: 'date', maxLength: 10 }) leavesOn!: string;
}

/** The coop's profile and where it stands with the consortium (`CoopProfileView`). */
export class CoopProfileResponse implements CoopProfileView {
  @ApiProperty({ maxLength: 100 }) id!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) name!: string | null;
  @ApiProperty({ enum: LEGAL_FORMS, nullable: true }) legalForm!: LegalForm | null;
  @ApiProperty({ type: String, isArray: true, maxItems: 10, maxLength: 100 }) themes!: string[];
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) territory!: string | null;
  @ApiProperty({ enum: ['azioni', 'quote'], description: 'how the capital is divided (c.c. 2525)' })
  shareForm!: 'azioni' | 'quote';
  @ApiProperty() statutesRaiseHoldingCap!: boolean;
  @ApiProperty({ enum: ['none', 'applicant', 'withdrawing'] }) consortiumStatus!: ConsortiumStatus;
  @ApiProperty({
    type: ConsortiumExitResponse,
    nullable: true,
    description: 'once the coop gave notice: when it leaves (c.c. 2532)',
  })
  consortiumExit!: ConsortiumExitResponse | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EDITORIAL_MAX_LENGTH, REPORT_LANGUAGES, ReportLanguage } from '@libs/contracts';
import { QUARTER_PATTERN } from './quarter';

export class QuarterParams {
  @Matches(new RegExp(QUARTER_PATTERN), {
    message: 'quarter must be a quarter as YYYY-Qn, n from 1 to 4 (such as 2027-Q1)',
  })
  @ApiProperty({ type: String, pattern: QUARTER_PATTERN, maxLength: 7, example: '2027-Q1' })
  quarter!: string;
}

export class NewsletterParams extends QuarterParams {
  @IsIn(['html', 'pdf'])
  @ApiProperty({ enum: ['html', 'pdf'] })
  format!: 'html' | 'pdf';
}

export class EditorialDto {
  @IsIn(REPORT_LANGUAGES)
  @ApiProperty({ enum: REPORT_LANGUAGES, example: 'fr' })
  language!: ReportLanguage;

  @IsString()
  @MaxLength(EDITORIAL_MAX_LENGTH)
  @ApiProperty({
    type: String,
    maxLength: EDITORIAL_MAX_LENGTH,
    description: 'plain text (paragraphs separated by a blank line); never read as markup',
    example: 'Un trimestre de coopération.',
  })
  text!: string;
}

export class NewsletterQuery {
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'default: en' })
  lang?: ReportLanguage;
}

export class ReportStateResponse {
  @ApiProperty({ type: String, pattern: QUARTER_PATTERN, maxLength: 7 })
  quarter!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: EDITORIAL_MAX_LENGTH },
    description: 'the editorial by language (`fr`, `it`, `en`), those written',
  })
  editorial!: Partial<Record<ReportLanguage, string>>;

  @ApiProperty({ type: String, format: 'date', nullable: true, maxLength: 10 })
  publishedOn!: string | null;
}

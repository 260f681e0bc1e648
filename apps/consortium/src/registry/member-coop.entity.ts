import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CoopAdmitted, LegalForm, Theme } from '@libs/contracts';
import { CoopStatus, MemberCoop } from './member-coop';

/** `member_coops`: one row per coop the consortium has heard of, as `evolveMemberCoop` folds it. */
@Entity({ name: 'member_coops' })
export class MemberCoopRow implements MemberCoop {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId!: string;

  @Column('text', { nullable: true })
  status!: CoopStatus | null;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { name: 'legal_form', nullable: true })
  legalForm!: LegalForm | null;

  @Column('text', { array: true })
  themes!: Theme[];

  @Column('text', { nullable: true })
  territory!: string | null;

  @Column('date', { name: 'applied_on', nullable: true })
  appliedOn!: string | null;

  @Column('date', { name: 'admitted_on', nullable: true })
  admittedOn!: string | null;

  @Column('date', { name: 'withdrawal_requested_on', nullable: true })
  withdrawalRequestedOn!: string | null;

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;

  @Column('jsonb', { name: 'admission_override', nullable: true })
  admissionOverride!: CoopAdmitted['data']['override'];
}

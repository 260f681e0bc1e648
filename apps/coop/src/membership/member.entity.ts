import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MemberCategory, SealedPersonalData } from '@libs/contracts';
import { bigintAsNumber, numericAsBigint } from '@libs/database';
import { MemberExitState, MemberStatus } from './member.decider';

/** The members read model: one row per member, the member's state as its stream folds it. */
@Entity({ name: 'members' })
export class MemberRow {
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  status!: MemberStatus;

  @Column('text')
  category!: MemberCategory;

  @Column('boolean')
  disadvantaged!: boolean;

  @Column('date', { name: 'admitted_on' })
  admittedOn!: string;

  @Column('bigint', { name: 'share_count', transformer: bigintAsNumber })
  shareCount!: number;

  /** Cents of nominal value: `numeric`, exact whatever the member's history adds up to. */
  @Column('numeric', { transformer: numericAsBigint })
  subscribed!: bigint;

  @Column('numeric', { transformer: numericAsBigint })
  paid!: bigint;

  @Column('numeric', { transformer: numericAsBigint })
  reimbursed!: bigint;

  /** When the member's leaving takes effect and its capital falls due; its reason stays sealed. */
  @Column('jsonb', { nullable: true })
  exit!: MemberExitState | null;

  /** Sealed with the member's key; opened only when answering, never stored in clear. */
  @Column('jsonb', { name: 'personal_data', nullable: true })
  personalData!: SealedPersonalData | null;

  /** The member stream's version: the ETag clients send back in If-Match. */
  @Column('int')
  version!: number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MemberCategory } from '@libs/contracts';
import { numericAsBigint } from '@libs/database';
import { CoopMember } from './coop-member';

/** `coop_members`: every member of every coop, for the counts and capital of `GET /coops`. */
@Entity({ name: 'coop_members' })
export class CoopMemberRow implements CoopMember {
  @PrimaryColumn('text', { name: 'stream_id' })
  streamId!: string;

  @Column('text', { name: 'coop_id' })
  coopId!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  status!: CoopMember['status'];

  @Column('text')
  category!: MemberCategory;

  @Column('boolean')
  disadvantaged!: boolean;

  @Column('numeric', { transformer: numericAsBigint })
  subscribed!: bigint;

  @Column('numeric', { transformer: numericAsBigint })
  paid!: bigint;
}

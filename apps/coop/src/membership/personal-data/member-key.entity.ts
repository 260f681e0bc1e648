import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A member's own key, kept only in the coop's database, never in the shared event store: deleting
 * it is what erases the member's personal data from every event and copy that holds it sealed.
 */
@Entity({ name: 'member_keys' })
export class MemberKeyRow {
  @PrimaryColumn('uuid', { name: 'key_id' })
  keyId!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('bytea')
  key!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

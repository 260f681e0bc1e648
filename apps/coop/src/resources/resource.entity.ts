import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ResourceKind, ResourceTerms, Theme } from '@libs/contracts';

/** Resources the coop shares with the federation; withdrawn ones stay, marked, for history. */
@Entity({ name: 'resources' })
export class ResourceRow {
  @PrimaryColumn('uuid', { name: 'resource_id' })
  resourceId!: string;

  @Column('text')
  kind!: ResourceKind;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('jsonb')
  themes!: Theme[];

  @Column('jsonb')
  terms!: ResourceTerms;

  @Column('date', { name: 'shared_on' })
  sharedOn!: string;

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;
}

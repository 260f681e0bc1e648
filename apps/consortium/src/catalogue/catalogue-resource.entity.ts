import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ResourceKind, ResourceTerms, Theme } from '@libs/contracts';
import { CatalogueResource } from './catalogue-resource';

/** `catalogue_resources`: what every coop shares, as `evolveCatalogueResource` folds it. */
@Entity({ name: 'catalogue_resources' })
export class CatalogueResourceRow implements CatalogueResource {
  @PrimaryColumn('text', { name: 'stream_id' })
  streamId!: string;

  @Column('text', { name: 'coop_id' })
  coopId!: string;

  @Column('uuid', { name: 'resource_id' })
  resourceId!: string;

  @Column('text')
  kind!: ResourceKind;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true })
  themes!: Theme[];

  @Column('jsonb')
  terms!: ResourceTerms;

  @Column('date', { name: 'shared_on' })
  sharedOn!: string;

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;
}

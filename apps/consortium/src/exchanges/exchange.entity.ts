import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ExchangeKind, Theme } from '@libs/contracts';
import { Exchange } from './exchange';

/** `exchanges`: hours between coops, as `evolveExchange` folds them. */
@Entity({ name: 'exchanges' })
export class ExchangeRow implements Exchange {
  @PrimaryColumn('uuid', { name: 'exchange_id' })
  exchangeId!: string;

  @Column('text', { name: 'from_coop_id' })
  fromCoopId!: string;

  @Column('text', { name: 'to_coop_id' })
  toCoopId!: string;

  @Column('bigint')
  hours!: string;

  @Column('text')
  kind!: ExchangeKind;

  @Column('text')
  theme!: Theme;

  @Column('date', { name: 'given_on' })
  on!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('date', { name: 'confirmed_on', nullable: true })
  confirmedOn!: string | null;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The key that seals a project's contact person, kept only in the consortium's database, never in
 * the event store: deleting it erases the contact from every event and copy that holds it sealed.
 */
@Entity({ name: 'project_contact_keys' })
export class ProjectContactKeyRow {
  @PrimaryColumn('uuid', { name: 'key_id' })
  keyId!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  @Column('bytea')
  key!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

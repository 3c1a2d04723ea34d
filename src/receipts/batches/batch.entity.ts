import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One `file` part of a batch as it was answered: a receipt (new or a duplicate) or a refusal. */
export interface BatchEntry {
  /** 0-based position of the part in the request. */
  index: number;
  filename: string | null;
  /** The receipt the part became; for a duplicate, the existing receipt. */
  id?: string;
  duplicateOf?: string;
  error?: { code: string; message: string };
}

@Entity({ name: 'batches' })
export class BatchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'jsonb' })
  entries: BatchEntry[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import type { Readable, Writable } from 'node:stream';

export interface TempFile {
  path: string;
  stream: Writable;
}

/**
 * Where original uploads live: local disk (LocalDiskStorage) or an S3-compatible object store
 * (S3Storage), chosen by STORAGE_DRIVER. Uploads are staged in a local file either way (the
 * API inspects it before accepting); keys are generated, never taken from the client.
 */
export abstract class FileStorage {
  /** A new staging file for an upload in progress. */
  abstract createTempFile(): Promise<TempFile>;
  /** Moves a finished staging file under its key (atomic on the local driver). */
  abstract commit(tempPath: string, key: string): Promise<void>;
  abstract discardTemp(tempPath: string): Promise<void>;
  abstract openRead(key: string): Readable;
  /**
   * Runs `work` with a path on this machine holding the file, for the worker's image and PDF
   * libraries: the file itself on local disk, a temporary download from object storage.
   */
  abstract withLocalCopy<T>(key: string, work: (path: string) => Promise<T>): Promise<T>;
  /** Whether the file is there (an export leaves out an original that was lost). */
  abstract exists(key: string): Promise<boolean>;
  abstract delete(key: string): Promise<void>;
  /**
   * Rejects when the storage cannot take an upload now (readiness): the staging folder is not
   * writable, or the bucket is missing or refuses our credentials.
   */
  abstract probe(): Promise<void>;
}

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStorage, type TempFile } from '../file-storage.js';
import { LocalDiskStorage } from '../local-disk.storage.js';
import { assertStorageKey } from '../storage-key.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** MinIO, R2 and other S3-compatible servers; AWS when absent. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Static credentials; the SDK's default chain (env, IRSA, instance role) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where uploads are staged before they are sent (the API inspects them there first). */
  stagingDir: string;
}

// 8 MB parts, two in flight: an upload never holds more than ~16 MB of a file in memory,
// whatever its size (S3's minimum part is 5 MB).
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Originals in an S3-compatible bucket (AWS SDK v3), so API and workers on different nodes
 * share them without a ReadWriteMany volume. Uploads are staged on local disk, then streamed
 * to the bucket as a multipart upload; downloads stream from it; the worker reads a temporary
 * local copy, removed when it is done.
 */
export class S3Storage extends FileStorage {
  private readonly client: S3Client;
  private readonly staging: LocalDiskStorage;

  constructor(private readonly options: S3StorageOptions) {
    super();
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Checksums only where S3 requires them: not every S3-compatible server knows the
      // newer CRC headers the SDK would otherwise add to every request.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client(config);
    this.staging = new LocalDiskStorage(options.stagingDir);
  }

  createTempFile(): Promise<TempFile> {
    return this.staging.createTempFile();
  }

  async commit(tempPath: string, key: string): Promise<void> {
    assertStorageKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: createReadStream(tempPath) },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      // A failed multipart upload is aborted, so no orphaned parts are billed.
      leavePartsOnError: false,
    });
    await upload.done();
    await this.staging.discardTemp(tempPath);
  }

  discardTemp(tempPath: string): Promise<void> {
    return this.staging.discardTemp(tempPath);
  }

  openRead(key: string): Readable {
    assertStorageKey(key);
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }))
      .then((object) => pipeline(object.Body as Readable, out))
      .catch((error: Error) => out.destroy(error instanceof NoSuchKey ? notFound(key) : error));
    return out;
  }

  async withLocalCopy<T>(key: string, work: (path: string) => Promise<T>): Promise<T> {
    assertStorageKey(key);
    const dir = join(tmpdir(), 'receipt-vault-s3');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `${randomUUID()}-${key.split('/').pop()}`);
    try {
      await pipeline(this.openRead(key), createWriteStream(path, { mode: 0o600 }));
      return await work(path);
    } finally {
      await rm(path, { force: true });
    }
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async probe(): Promise<void> {
    await this.staging.probe();
    // HeadBucket checks the bucket and the credentials without writing (a readiness probe runs
    // every few seconds on every pod; a write each time would cost requests and versions).
    await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }
}

function notFound(key: string): Error {
  return Object.assign(new Error(`no object ${key}`), { code: 'ENOENT' });
}

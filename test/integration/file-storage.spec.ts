import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../src/receipts/storage/file-storage.js';
import { LocalDiskStorage } from '../../src/receipts/storage/local-disk.storage.js';
import { S3Storage } from '../../src/receipts/storage/s3/s3.storage.js';
import { startS3, type S3Handle } from '../utils/start-s3.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Stages `data` the way an upload does and commits it under `key`. */
async function store(storage: FileStorage, key: string, data: Buffer): Promise<string> {
  const temp = await storage.createTempFile();
  await new Promise<void>((resolve, reject) => {
    temp.stream.once('error', reject);
    temp.stream.end(data, resolve);
  });
  await storage.commit(temp.path, key);
  return temp.path;
}

let s3: S3Handle;

const drivers: [string, () => FileStorage][] = [
  ['local disk', () => new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'rv-storage-')))],
  [
    's3 (real S3-compatible server)',
    () =>
      new S3Storage({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        stagingDir: mkdtempSync(join(tmpdir(), 'rv-staging-')),
      }),
  ],
];

beforeAll(async () => {
  s3 = await startS3();
});

afterAll(async () => {
  await s3?.teardown();
});

// The same contract, run against both drivers.
describe.each(drivers)('FileStorage on %s', (_name, create) => {
  let storage: FileStorage;
  const owner = 'a1b2c3d4-0000-4000-8000-000000000001';
  // Larger than one multipart part (8 MB), so the S3 driver uploads it in parts.
  const big = randomBytes(12 * 1024 * 1024 + 123);

  beforeAll(() => {
    storage = create();
  });

  it('passes the readiness probe', async () => {
    await expect(storage.probe()).resolves.toBeUndefined();
  });

  it('commits a staged file, consumes the staging file, and reads back the same bytes', async () => {
    const key = `${owner}/big-file.jpg`;
    const staged = await store(storage, key, big);
    expect(existsSync(staged)).toBe(false);
    const read = await buffer(storage.openRead(key));
    expect(read.length).toBe(big.length);
    expect(sha256(read)).toBe(sha256(big));
  });

  it('lends the worker a local path with the same bytes', async () => {
    const key = `${owner}/copy-me.pdf`;
    const data = randomBytes(50_000);
    await store(storage, key, data);
    let lent = '';
    const digest = await storage.withLocalCopy(key, async (path) => {
      lent = path;
      return sha256(await readFile(path));
    });
    expect(digest).toBe(sha256(data));
    // The local driver lends the file itself; a download must not outlive the work.
    if (storage instanceof S3Storage) expect(existsSync(lent)).toBe(false);
    else expect(existsSync(lent)).toBe(true);
  });

  it('deletes: the file cannot be read afterwards', async () => {
    const key = `${owner}/gone.png`;
    await store(storage, key, randomBytes(1000));
    await storage.delete(key);
    await expect(buffer(storage.openRead(key))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.withLocalCopy(key, async () => 'read')).rejects.toBeDefined();
  });

  it('discards a staging file without storing anything', async () => {
    const temp = await storage.createTempFile();
    temp.stream.end(randomBytes(10));
    await new Promise((resolve) => temp.stream.once('finish', resolve));
    await storage.discardTemp(temp.path);
    expect(existsSync(temp.path)).toBe(false);
  });

  it('refuses keys that could escape their place', async () => {
    const temp = await storage.createTempFile();
    temp.stream.end(randomBytes(10));
    await new Promise((resolve) => temp.stream.once('finish', resolve));
    for (const key of ['../escape.jpg', `${owner}/../../x.jpg`, '/abs.jpg', 'UPPER/x.jpg']) {
      await expect(storage.commit(temp.path, key), key).rejects.toThrow(/invalid storage key/);
    }
    await storage.discardTemp(temp.path);
  });
});

describe('S3 multipart', () => {
  it('sends a file larger than a part as a multipart upload, part by part', async () => {
    const storage = drivers[1][1]();
    const key = 'a1b2c3d4-0000-4000-8000-000000000002/parts.jpg';
    const before = s3.requests.length;
    await store(storage, key, randomBytes(17 * 1024 * 1024));
    const sent = s3.requests.slice(before).filter((r) => r.includes('/parts.jpg'));
    // CreateMultipartUpload, three 8 MB-or-less parts, CompleteMultipartUpload.
    expect(sent[0]).toMatch(/^POST .*\?uploads/);
    const parts = sent.filter((r) => /^PUT .*partNumber=\d/.test(r));
    expect(parts).toHaveLength(3);
    expect(sent.at(-1)).toMatch(/^POST .*uploadId=/);
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentLength).toBe(17 * 1024 * 1024);
  });
});

describe('S3 readiness probe', () => {
  const withBucket = (bucket: string) =>
    new S3Storage({
      bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      stagingDir: mkdtempSync(join(tmpdir(), 'rv-staging-')),
    });

  it('fails for a bucket that does not exist', async () => {
    await expect(withBucket('no-such-bucket').probe()).rejects.toThrow();
  });
});

describe('local disk folders', () => {
  it('stores into folders removed while running (they are made again when missing)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rv-storage-'));
    const storage = new LocalDiskStorage(root);
    const owner = 'a1b2c3d4-0000-4000-8000-000000000002';
    await store(storage, `${owner}/first.jpg`, Buffer.from('first'));

    // An operator empties the storage folder: staging and the owner's folder are gone.
    await rm(root, { recursive: true, force: true });
    const second = Buffer.from('second');
    await store(storage, `${owner}/second.jpg`, second);
    expect(await readFile(join(root, owner, 'second.jpg'))).toEqual(second);
    expect(existsSync(join(root, owner, 'first.jpg'))).toBe(false);
  });

  it('stages files readable by their owner only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rv-storage-'));
    const temp = await new LocalDiskStorage(root).createTempFile();
    temp.stream.end('x');
    await new Promise((resolve) => temp.stream.once('finish', resolve));
    expect((await stat(temp.path)).mode & 0o777).toBe(0o600);
  });
});

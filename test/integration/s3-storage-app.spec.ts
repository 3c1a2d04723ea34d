import {
  CreateBucketCommand,
  DeleteBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTextPdf } from '../utils/build-text-pdf.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startS3, type S3Handle } from '../utils/start-s3.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

// The whole receipt path with STORAGE_DRIVER=s3 against a real S3-compatible server: the
// upload lands in the bucket, the worker reads it from there (a PDF with a text layer, so no
// OCR time), the original downloads from the bucket, and a delete removes the object.
describe('receipts on S3 storage', () => {
  let s3: S3Handle;
  let api: TestApp;
  let worker: INestApplicationContext;
  let user: RegisteredUser;
  let env: Record<string, string>;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3();
    env = await useTestEnv(s3.env);
    worker = await createTestWorker();
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
    client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await s3?.teardown();
  });

  it('stores, processes, serves and deletes the original in the bucket', async () => {
    const pdf = buildTextPdf([['CORNER BOOKSHOP', 'Date: 2024-02-14', 'TOTAL   7.29']]);
    const upload = await uploadFile(api.baseUrl, pdf, { token: user.token, filename: 'b.pdf' });
    expect(upload.status).toBe(202);
    const id = upload.body.id as string;
    const [{ storage_key: key }] = await queryDatabase<{ storage_key: string }>(
      env.DATABASE_URL,
      'SELECT storage_key FROM receipts WHERE id = $1',
      [id],
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentLength).toBe(pdf.length);

    const done = await waitForReceipt(api.baseUrl, id, user.token);
    expect(done.status).not.toBe('failed');
    expect(done.record.total.value).toBe('7.29');

    const file = await fetch(`${api.baseUrl}/v1/receipts/${id}/file`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);

    expect(
      // A plain DELETE moves to the trash (the file stays until the purge): purge at once.
      (
        await http(api.baseUrl, 'DELETE', `/v1/receipts/${id}?permanent=true`, {
          token: user.token,
        })
      ).status,
    ).toBe(204);
    await expect(
      client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })),
    ).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('readiness checks the bucket: 503 naming storage while it is missing, 200 once it is back', async () => {
    const ready = () => http(api.baseUrl, 'GET', '/health/ready');
    const up = await pollUntil(ready, (r) => r.status === 200);
    expect(up.body.details.storage.status).toBe('up');

    // The test above purged its object, so the bucket is empty and can go.
    const left = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    expect(left.KeyCount ?? 0).toBe(0);
    await client.send(new DeleteBucketCommand({ Bucket: s3.bucket }));
    const down = await pollUntil(ready, (r) => r.status === 503, { timeoutMs: 5000 });
    expect(down.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(down.body.details.details.storage.status).toBe('down');
    expect(down.body.details.details.database.status).toBe('up');

    await client.send(new CreateBucketCommand({ Bucket: s3.bucket }));
    const back = await pollUntil(ready, (r) => r.status === 200, { timeoutMs: 5000 });
    expect(back.body.details.storage.status).toBe('up');
  });
});

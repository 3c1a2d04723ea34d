import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMultipart } from '../utils/build-multipart.js';
import { buildTextPdf } from '../utils/build-text-pdf.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

// Upload refusals happen in the API process, before any job exists: no worker runs here.

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (path: string) => readFile(join(FIXTURES, path));
const MAX_UPLOAD_BYTES = 200_000;
const MAX_PDF_PAGES = 3;

describe('POST /v1/receipts refuses bad input', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let user: RegisteredUser;

  const rowCount = async () =>
    Number(
      (
        await queryDatabase<{ n: string }>(env.DATABASE_URL, 'SELECT count(*) AS n FROM receipts')
      )[0].n,
    );

  beforeAll(async () => {
    env = await useTestEnv({
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      MAX_PDF_PAGES: String(MAX_PDF_PAGES),
      THROTTLE_AUTH_LIMIT: '1000',
    });
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('each refusal has its status and code, and leaves no row and no file', () => {
    // Every case here is refused, so the database and the storage folder stay empty.
    afterEach(async () => {
      expect(await rowCount()).toBe(0);
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
    });

    const cases: [string, () => Promise<Buffer>, number, string][] = [
      [
        'a Windows executable renamed .jpg',
        () => fixture('bad/exe-renamed.jpg'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['an SVG image', () => fixture('bad/image.svg'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an HTML page', () => fixture('bad/page.html'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['0 bytes', () => fixture('bad/empty.jpg'), 422, 'EMPTY_FILE'],
      [
        'a PNG header declaring 20000×20000 pixels',
        () => fixture('bad/pixel-bomb.png'),
        422,
        'IMAGE_TOO_LARGE',
      ],
      [
        'a JPEG cut inside its header',
        () => fixture('bad/truncated-header.jpg'),
        422,
        'FILE_UNREADABLE',
      ],
      ['an encrypted PDF', () => fixture('bad/encrypted.pdf'), 422, 'PDF_ENCRYPTED'],
      ['a broken PDF', () => fixture('bad/broken.pdf'), 422, 'FILE_UNREADABLE'],
      [
        `a PDF with ${MAX_PDF_PAGES + 1} pages (limit ${MAX_PDF_PAGES})`,
        async () =>
          buildTextPdf(Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => [`PAGE ${i + 1}`])),
        422,
        'TOO_MANY_PAGES',
      ],
      [
        `MAX_UPLOAD_BYTES + 1 bytes of a real JPEG`,
        async () => paddedJpeg(await fixture('receipts/uk-cafe.jpg'), MAX_UPLOAD_BYTES + 1),
        413,
        'FILE_TOO_LARGE',
      ],
    ];

    it.each(cases)('%s', async (_name, load, status, code) => {
      const data = await load();
      // The client's name and type claim a JPEG every time: only the bytes may decide.
      const res = await uploadFile(api.baseUrl, data, {
        token: user.token,
        filename: 'receipt.jpg',
        contentType: 'image/jpeg',
      });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, code, requestId: expect.any(String) });
    });

    it('a client that disconnects mid-upload leaves no staged part behind', async () => {
      const photo = await fixture('receipts/uk-cafe.jpg');
      const { body, contentType } = buildMultipart([
        { name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', data: photo },
      ]);
      const req = request(`${api.baseUrl}/v1/receipts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': contentType,
          'content-length': String(body.length),
        },
      });
      req.on('error', () => undefined);
      req.write(body.subarray(0, body.length >> 1));
      // The server has begun staging the file when the connection drops.
      await pollUntil(
        () => listStoredFiles(env.STORAGE_DIR),
        (files) => files.some((file) => file.endsWith('.part')),
      );
      req.destroy();
      await pollUntil(
        () => listStoredFiles(env.STORAGE_DIR),
        (files) => files.length === 0,
      );
    });

    it('a body that is not multipart → 415', async () => {
      const res = await http(api.baseUrl, 'POST', '/v1/receipts', {
        token: user.token,
        rawBody: await fixture('receipts/uk-cafe.jpg'),
        headers: { 'content-type': 'image/jpeg' },
      });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const json = await http(api.baseUrl, 'POST', '/v1/receipts', {
        token: user.token,
        body: { file: 'x' },
      });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('multipart without a `file` field → 422 FILE_MISSING', async () => {
      const { body, contentType } = buildMultipart([{ name: 'note', value: 'lunch' }]);
      const res = await http(api.baseUrl, 'POST', '/v1/receipts', {
        token: user.token,
        rawBody: body,
        headers: { 'content-type': contentType },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('FILE_MISSING');
    });

    it('the file under another field name → 422 FILE_MISSING', async () => {
      const { body, contentType } = buildMultipart([
        {
          name: 'upload',
          filename: 'receipt.jpg',
          contentType: 'image/jpeg',
          data: await fixture('receipts/uk-cafe.jpg'),
        },
      ]);
      const res = await http(api.baseUrl, 'POST', '/v1/receipts', {
        token: user.token,
        rawBody: body,
        headers: { 'content-type': contentType },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('FILE_MISSING');
    });

    it('extra fields such as ownerId and status → 422 VALIDATION_FAILED naming them', async () => {
      const res = await uploadFile(api.baseUrl, await fixture('receipts/uk-cafe.jpg'), {
        token: user.token,
        fields: {
          ownerId: '00000000-0000-4000-8000-000000000000',
          status: 'completed',
          note: 'fine',
        },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
      expect(fields).toEqual(['ownerId', 'status']);
    });

    it('no access token → 401, whatever the body', async () => {
      const res = await uploadFile(api.baseUrl, await fixture('receipts/uk-cafe.jpg'));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('accepted uploads with hostile metadata', () => {
    it('exactly MAX_UPLOAD_BYTES is accepted (the limit is inclusive)', async () => {
      const data = paddedJpeg(await fixture('receipts/uk-cafe.jpg'), MAX_UPLOAD_BYTES);
      const res = await uploadFile(api.baseUrl, data, { token: user.token });
      expect(res.status).toBe(202);
      const stored = await http(api.baseUrl, 'GET', `/v1/receipts/${res.body.id}`, {
        token: user.token,
      });
      expect(stored.body.sizeBytes).toBe(MAX_UPLOAD_BYTES);
      expect(
        (await http(api.baseUrl, 'DELETE', `/v1/receipts/${res.body.id}`, { token: user.token }))
          .status,
      ).toBe(204);
    });

    it('a JPEG cut after its header is accepted at upload (the worker fails it, see receipt-flow e2e)', async () => {
      const res = await uploadFile(api.baseUrl, await fixture('bad/truncated-body.jpg'), {
        token: user.token,
      });
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('queued');
      expect(
        (await http(api.baseUrl, 'DELETE', `/v1/receipts/${res.body.id}`, { token: user.token }))
          .status,
      ).toBe(204);
    });

    it.each([
      ['a path-traversal filename', '../../etc/passwd.jpg', 'passwd.jpg'],
      ['a Windows path', '..\\..\\Windows\\win.ini.jpg', 'win.ini.jpg'],
      ['a 1000-character filename', `${'a'.repeat(996)}.jpg`, `${'a'.repeat(251)}.jpg`],
    ])(
      '%s is kept as sanitised metadata only; the file lives under a generated key',
      async (_name, filename, expected) => {
        const data = await fixture('receipts/uk-cafe.jpg');
        const before = new Set(await listStoredFiles(env.STORAGE_DIR));
        const res = await uploadFile(api.baseUrl, data, { token: user.token, filename });
        expect(res.status).toBe(202);
        const id = res.body.id as string;
        expect(res.headers.get('location')).toBe(`/v1/receipts/${id}`);

        const receipt = await http(api.baseUrl, 'GET', `/v1/receipts/${id}`, { token: user.token });
        expect(receipt.body.filename).toBe(expected);
        expect(receipt.body.filename.length).toBeLessThanOrEqual(255);
        expect(receipt.body.filename).not.toMatch(/[/\\]/);

        const added = (await listStoredFiles(env.STORAGE_DIR)).filter((f) => !before.has(f));
        expect(added).toEqual([`${user.id}/${id}.jpg`]);
        const row = await queryDatabase(
          env.DATABASE_URL,
          'SELECT storage_key, original_filename FROM receipts WHERE id = $1',
          [id],
        );
        expect(row).toEqual([{ storage_key: `${user.id}/${id}.jpg`, original_filename: expected }]);

        // The download names the file by its sanitised name, percent-encoded.
        const file = await fetch(`${api.baseUrl}/v1/receipts/${id}/file`, {
          headers: { authorization: `Bearer ${user.token}` },
        });
        expect(file.headers.get('content-disposition')).toBe(
          `attachment; filename*=UTF-8''${encodeURIComponent(expected)}`,
        );
        await file.arrayBuffer();

        // Clean up so the next case uploads the same bytes as a new receipt, not a duplicate.
        expect(
          (
            await http(api.baseUrl, 'DELETE', `/v1/receipts/${id}?permanent=true`, {
              token: user.token,
            })
          ).status,
        ).toBe(204);
        expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([...before].sort());
      },
    );
  });
});

/** A JPEG of exactly `size` bytes: a real JPEG's start, padded after its end with zeros. */
function paddedJpeg(jpeg: Buffer, size: number): Buffer {
  if (jpeg.length >= size) return jpeg.subarray(0, size);
  return Buffer.concat([jpeg, Buffer.alloc(size - jpeg.length)]);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, Server } from 'node:http';
import S3rver from 's3rver';

export interface S3Handle {
  endpoint: string;
  bucket: string;
  /** Credentials the server accepts (s3rver's defaults). */
  accessKeyId: string;
  secretAccessKey: string;
  /** `METHOD /path?query` of every request the server received, in order. */
  requests: string[];
  /** Environment for the app: STORAGE_DRIVER=s3 against this server. */
  env: Record<string, string>;
  teardown(): Promise<void>;
}

/**
 * A real S3-compatible HTTP server (s3rver, from npm: objects on disk, multipart uploads,
 * signature V4 checked) on a free loopback port with one empty bucket. MinIO is not
 * installable here (no npm or Debian package), so this is the server the harness can start.
 */
export async function startS3(bucket = 'receipts-test'): Promise<S3Handle> {
  const directory = mkdtempSync(join(tmpdir(), 'rv-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const requests: string[] = [];
  (server as unknown as { httpServer: Server }).httpServer.on('request', (req: IncomingMessage) =>
    requests.push(`${req.method} ${req.url}`),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const accessKeyId = 'S3RVER';
  const secretAccessKey = 'S3RVER';
  return {
    endpoint,
    bucket,
    accessKeyId,
    secretAccessKey,
    requests,
    env: {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    },
    teardown: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

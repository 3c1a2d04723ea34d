import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, ErrorCode } from '../../../common/errors/index.js';
import {
  DETECTION_HEAD_BYTES,
  type DetectedType,
  detectFromHeadBytes,
} from '../../../files/file-inspector.js';
import type { StagedUpload } from '../../staged-upload.js';
import type { FieldError } from '../../../common/pipes/validation.pipe.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { sanitiseFilename } from './sanitise-filename.js';

export const FILE_FIELD = 'file';
const TEXT_FIELDS = ['note', 'tags'] as const;
const MAX_NOTE = 1000;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

/**
 * Hashes and counts the bytes as they pass, and holds back the first few KB until their
 * magic bytes say the type is acceptable, so a wrong type is refused before anything
 * more is written.
 */
class InspectingStream extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  detected?: DetectedType;
  private head: Buffer[] = [];
  private headSize = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.detected) return done(null, chunk);
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < DETECTION_HEAD_BYTES) return done();
    this.release(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.detected) return done();
    this.release(done);
  }

  private release(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    detectFromHeadBytes(head).then(
      (detected) => {
        this.detected = detected;
        done(null, head);
      },
      (error: unknown) => done(error as Error),
    );
  }
}

function parseTags(values: string[]): string[] {
  const tags = values
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

function validateFields(
  fields: Map<string, string[]>,
  unknown: string[],
): { note: string | null; tags: string[] } {
  const problems: FieldError[] = unknown.map((field) => ({
    field,
    messages: [`property ${field} should not exist`],
  }));
  const note = fields.get('note')?.join('\n').trim() || null;
  if (note && note.length > MAX_NOTE)
    problems.push({ field: 'note', messages: [`note must be at most ${MAX_NOTE} characters`] });
  const tags = parseTags(fields.get('tags') ?? []);
  if (tags.length > MAX_TAGS)
    problems.push({ field: 'tags', messages: [`at most ${MAX_TAGS} tags`] });
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) {
    problems.push({
      field: 'tags',
      messages: [`each tag must be at most ${MAX_TAG_LENGTH} characters`],
    });
  }
  if (problems.length)
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'The upload is not valid', {
      details: problems,
    });
  return { note, tags };
}

/**
 * Streams a multipart upload (one `file` field, optional `note` and `tags`) into a staging
 * file: never held whole in memory, the size limit enforced as bytes arrive, the type
 * decided by magic bytes, the SHA-256 computed on the way. On any failure the staging file
 * is removed and the rest of the request body is discarded.
 */
export async function receiveMultipartUpload(
  req: IncomingMessage,
  res: ServerResponse,
  storage: FileStorage,
  maxBytes: number,
): Promise<StagedUpload> {
  if (!req.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the receipt as multipart/form-data with a `file` field',
    );
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // busboy cuts a file when it reaches fileSize, so one more byte lets exactly maxBytes through.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 8 * 1024, parts: 25 },
      defParamCharset: 'utf8',
    });
  } catch (error) {
    throw new AppError(ErrorCode.BAD_REQUEST, 'Malformed multipart request', { cause: error });
  }

  const fields = new Map<string, string[]>();
  const unknownFields: string[] = [];
  let tempPath: string | undefined;
  let inspector: InspectingStream | undefined;
  let filename: string | null = null;
  let fileDone: Promise<void> | undefined;

  const received = new Promise<void>((resolve, reject) => {
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD || fileDone) {
        unknownFields.push(name);
        stream.resume();
        return;
      }
      filename = sanitiseFilename(info.filename);
      inspector = new InspectingStream();
      const insp = inspector;
      stream.on('limit', () => {
        stream.unpipe();
        stream.destroy(
          new AppError(
            ErrorCode.FILE_TOO_LARGE,
            `The file is larger than the ${maxBytes} bytes allowed`,
            {
              details: { maxBytes },
            },
          ),
        );
      });
      fileDone = storage.createTempFile().then(({ path, stream: out }) => {
        tempPath = path;
        return pipeline(stream, insp, out);
      });
      fileDone.catch(reject);
    });
    // A value longer than fieldSize arrives cut, still longer than any limit below.
    parser.on('field', (name, value) => {
      if (!(TEXT_FIELDS as readonly string[]).includes(name)) {
        unknownFields.push(name);
        return;
      }
      fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    parser.on('error', (error) =>
      reject(new AppError(ErrorCode.BAD_REQUEST, 'Malformed multipart request', { cause: error })),
    );
    parser.on('close', resolve);
  });

  try {
    req.pipe(parser);
    await received;
    if (!fileDone || !inspector) {
      throw new AppError(
        ErrorCode.FILE_MISSING,
        `The multipart field \`${FILE_FIELD}\` with the receipt is missing`,
      );
    }
    await fileDone;
    const { note, tags } = validateFields(fields, unknownFields);
    const detected = inspector.detected;
    if (!detected || !tempPath) throw new AppError(ErrorCode.EMPTY_FILE, 'The file is empty');
    return {
      tempPath,
      sizeBytes: inspector.size,
      sha256: inspector.hash.digest('hex'),
      detected,
      filename,
      note,
      tags,
    };
  } catch (error) {
    // Stop reading: discard whatever the client still sends, and close the connection
    // after the error response instead of parsing the rest of a bad upload.
    req.unpipe(parser);
    req.resume();
    if (!res.headersSent) res.setHeader('Connection', 'close');
    // Let the file pipeline settle (it fails once its source is cut) before removing its file.
    await Promise.race([fileDone?.catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    if (tempPath) await storage.discardTemp(tempPath);
    throw error;
  }
}

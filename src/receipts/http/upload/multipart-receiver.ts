import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
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

/** One file staged from a multipart part: counted, hashed and typed on the way. */
export interface StagedFile {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  detected: DetectedType;
}

/** One `file` part of a batch, in the order it arrived: staged, or refused with the reason. */
export interface ReceivedPart {
  index: number;
  filename: string | null;
  file?: StagedFile;
  error?: AppError;
}

/** The `file` parts of a multipart body plus the shared text fields. */
export interface ReceivedMultipart {
  parts: ReceivedPart[];
  note: string | null;
  tags: string[];
}

interface MultipartLimits {
  maxBytes: number;
  maxFiles: number;
  /**
   * A single upload refuses the whole request with the first refused file; a batch records
   * the refusal on that part and goes on with the next one.
   */
  failFast: boolean;
  /** The error for one `file` part more than `maxFiles`; without it, extra files are ignored. */
  tooManyFiles?: () => AppError;
  /** The error for a body without any `file` part. */
  noFile: () => AppError;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    ErrorCode.FILE_TOO_LARGE,
    `The file is larger than the ${maxBytes} bytes allowed`,
    { details: { maxBytes } },
  );
}

/**
 * Streams one file part into a staging file. The part's own stream is never destroyed, only
 * drained, because busboy waits for every part to end before it reads the next one: a refused
 * part must not stall the rest of a batch. The staging file of a refused part is removed here.
 */
function stagePart(stream: Readable, storage: FileStorage, maxBytes: number): Promise<StagedFile> {
  const inspector = new InspectingStream();
  let tempPath: string | undefined;
  const drain = (error: Error) => {
    stream.unpipe(inspector);
    stream.resume();
    inspector.destroy(error);
  };
  stream.on('limit', () => drain(tooLarge(maxBytes)));
  // busboy destroys the part when the body ends early (the client hung up).
  stream.on('error', (error) => inspector.destroy(error));
  inspector.on('error', () => {
    stream.unpipe(inspector);
    stream.resume();
  });
  stream.pipe(inspector);
  return storage
    .createTempFile()
    .then(({ path, stream: out }) => {
      tempPath = path;
      return pipeline(inspector, out);
    })
    .then(() => {
      if (!inspector.detected || !tempPath)
        throw new AppError(ErrorCode.EMPTY_FILE, 'The file is empty');
      return {
        tempPath,
        sizeBytes: inspector.size,
        sha256: inspector.hash.digest('hex'),
        detected: inspector.detected,
      };
    })
    .catch(async (error: unknown) => {
      if (!inspector.destroyed) drain(error as Error);
      if (tempPath) await storage.discardTemp(tempPath).catch(() => undefined);
      throw error;
    });
}

/**
 * Streams a multipart body's `file` parts one after another into staging files (never held
 * whole in memory, the size limit enforced as bytes arrive, the type decided by magic bytes,
 * the SHA-256 computed on the way) and reads the `note` and `tags` fields. On any failure of
 * the request every staging file is removed and the rest of the body is discarded; so is
 * everything when the client hangs up before the body is complete.
 */
async function readMultipart(
  req: IncomingMessage,
  res: ServerResponse,
  storage: FileStorage,
  limits: MultipartLimits,
): Promise<ReceivedMultipart> {
  if (!req.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the receipt as multipart/form-data with a `file` field',
    );
  }

  const filesLimit = limits.tooManyFiles ? limits.maxFiles + 1 : limits.maxFiles;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // busboy cuts a file when it reaches fileSize, so one more byte lets exactly maxBytes through.
      limits: {
        files: filesLimit,
        fileSize: limits.maxBytes + 1,
        fields: 20,
        fieldSize: 8 * 1024,
        parts: filesLimit + 24,
      },
      defParamCharset: 'utf8',
    });
  } catch (error) {
    throw new AppError(ErrorCode.BAD_REQUEST, 'Malformed multipart request', { cause: error });
  }

  const fields = new Map<string, string[]>();
  const unknownFields: string[] = [];
  const parts: { index: number; filename: string | null; staged: Promise<StagedFile> }[] = [];

  const received = new Promise<void>((resolve, reject) => {
    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        unknownFields.push(name);
        stream.resume();
        return;
      }
      if (limits.tooManyFiles && parts.length === limits.maxFiles) {
        stream.resume();
        reject(limits.tooManyFiles());
        return;
      }
      const staged = stagePart(stream, storage, limits.maxBytes);
      parts.push({ index: parts.length, filename: sanitiseFilename(info.filename), staged });
      if (limits.failFast) staged.catch(reject);
      else staged.catch(() => undefined);
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
    req.once('close', () => {
      if (req.complete) return;
      parser.destroy();
      reject(
        new AppError(ErrorCode.BAD_REQUEST, 'The connection closed before the upload was complete'),
      );
    });
  });

  const settle = () =>
    Promise.all(
      parts.map((p) =>
        p.staged.then(
          (file) => file,
          () => undefined,
        ),
      ),
    );
  try {
    req.pipe(parser);
    await received;
    if (!parts.length) throw limits.noFile();
    const results = await Promise.allSettled(parts.map((p) => p.staged));
    const failed = results.find((r) => r.status === 'rejected');
    if (limits.failFast && failed) throw failed.reason;
    const { note, tags } = validateFields(fields, unknownFields);
    return {
      parts: parts.map((part, i) => {
        const result = results[i];
        return result.status === 'fulfilled'
          ? { index: part.index, filename: part.filename, file: result.value }
          : { index: part.index, filename: part.filename, error: refusalOf(result.reason) };
      }),
      note,
      tags,
    };
  } catch (error) {
    // Stop reading: discard whatever the client still sends, and close the connection
    // after the error response instead of parsing the rest of a bad upload.
    req.unpipe(parser);
    req.resume();
    if (!res.headersSent) res.setHeader('Connection', 'close');
    // Let the staging settle (a part fails once its source is cut) before removing the files.
    const staged = await Promise.race([
      settle(),
      new Promise<undefined[]>((r) => setTimeout(() => r([]), 1000)),
    ]);
    await Promise.all(staged.flatMap((file) => (file ? [storage.discardTemp(file.tempPath)] : [])));
    throw error;
  }
}

/**
 * A refused part keeps its code in the batch's answer; anything else (a disk error) is not the
 * client's fault and fails the request.
 */
function refusalOf(error: unknown): AppError {
  if (error instanceof AppError) return error;
  throw error;
}

/**
 * A single upload: one `file` field, optional `note` and `tags`. The first problem refuses the
 * request (a file over the limit as soon as its bytes pass it).
 */
export async function receiveMultipartUpload(
  req: IncomingMessage,
  res: ServerResponse,
  storage: FileStorage,
  maxBytes: number,
): Promise<StagedUpload> {
  const { parts, note, tags } = await readMultipart(req, res, storage, {
    maxBytes,
    maxFiles: 1,
    failFast: true,
    noFile: () =>
      new AppError(
        ErrorCode.FILE_MISSING,
        `The multipart field \`${FILE_FIELD}\` with the receipt is missing`,
      ),
  });
  // failFast: the one part was staged, or the request was refused with its error.
  const [{ file, filename }] = parts as [ReceivedPart & { file: StagedFile }];
  return { ...file, filename, note, tags };
}

/**
 * A batch: up to `maxFiles` `file` parts, each staged (or refused) on its own, so one bad file
 * does not sink the others. One part more than `maxFiles` refuses the whole request at once,
 * with every staged file removed: nothing of an oversized batch is kept.
 */
export function receiveMultipartBatch(
  req: IncomingMessage,
  res: ServerResponse,
  storage: FileStorage,
  limits: Pick<MultipartLimits, 'maxBytes' | 'maxFiles' | 'noFile'> & {
    tooManyFiles: () => AppError;
  },
): Promise<ReceivedMultipart> {
  return readMultipart(req, res, storage, { ...limits, failFast: false });
}

import type { DetectedType } from '../files/file-inspector.js';

/**
 * An upload received into a staging file by the HTTP side: counted, hashed and typed from its
 * magic bytes. The service decides what becomes of it; it never sees the request.
 */
export interface StagedUpload {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  detected: DetectedType;
  filename: string | null;
  note: string | null;
  tags: string[];
}

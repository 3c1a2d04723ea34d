import type { AppError } from '../../common/errors/index.js';
import type { StagedUpload } from '../staged-upload.js';

/** One `file` part of a batch as received: staged for acceptance, or already refused. */
export interface BatchPart {
  index: number;
  filename: string | null;
  upload?: StagedUpload;
  error?: AppError;
}

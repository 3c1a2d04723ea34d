import { useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/api';
import type { ReceiptStage, ReceiptStatus } from '@receipt-vault/client';
import { isTerminal, watchReceipt } from '../api/watch-receipt';
import { STATUS_LABELS, formatBytes } from '../format';
import { maxUploadBytes } from '../server-settings';
import { followLink } from '../router';

type UploadState =
  | { phase: 'waiting' }
  | { phase: 'uploading' }
  | { phase: 'rejected'; message: string }
  | { phase: 'duplicate'; receiptId: string }
  | {
      phase: 'watching';
      receiptId: string;
      status: ReceiptStatus;
      stage?: ReceiptStage | null;
      progress: number;
      error?: string;
    };

interface UploadItem {
  key: number;
  file: File;
  state: UploadState;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,application/pdf';
const STAGE_LABELS: Record<ReceiptStage, string> = {
  preparing: 'Preparing the image',
  reading: 'Reading the text',
  extracting: 'Finding the fields',
  saving: 'Saving',
};

/** The refusal of a file over the server's limit, before or after it was sent. */
function tooLarge(limit: number | null): string {
  return limit === null
    ? 'This file is too large.'
    : `This file is too large. The limit is ${formatBytes(limit)}.`;
}

/** What went wrong with one file, in words a person can act on. */
function rejection(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'The upload was interrupted (connection lost). Nothing was saved; check your connection and try again.';
  }
  switch (error.code) {
    case 'FILE_TOO_LARGE': {
      const details = error.details as { maxBytes?: unknown } | undefined;
      return tooLarge(typeof details?.maxBytes === 'number' ? details.maxBytes : maxUploadBytes());
    }
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'This is not a receipt image or PDF (JPEG, PNG, WebP, TIFF or PDF).';
    case 'EMPTY_FILE':
      return 'This file is empty.';
    case 'IMAGE_TOO_LARGE':
      return 'This image has too many pixels. Scale it down and try again.';
    case 'TOO_MANY_PAGES':
      return 'This PDF has too many pages.';
    case 'PDF_ENCRYPTED':
      return 'This PDF is password-protected.';
    case 'FILE_UNREADABLE':
      return 'This file is damaged and cannot be read.';
    case 'RATE_LIMITED':
      return 'Too many uploads at once. Try again in a minute.';
    case 'DEPENDENCY_UNAVAILABLE':
      return 'The server is busy right now. Try again in a few seconds.';
    default:
      return error.message;
  }
}

function describe(state: UploadState): string {
  switch (state.phase) {
    case 'waiting':
      return 'Waiting';
    case 'uploading':
      return 'Uploading';
    case 'rejected':
      return state.message;
    case 'duplicate':
      return 'Already in your vault';
    case 'watching':
      if (state.status === 'failed') return `Failed: ${state.error ?? 'could not be read'}`;
      if (state.status === 'processing' && state.stage) return STAGE_LABELS[state.stage];
      return STATUS_LABELS[state.status];
  }
}

/**
 * Drop zone, file picker and camera: each file is uploaded in turn and then watched live until
 * it is read. `onFinished` runs whenever one finishes, so the list below can refresh.
 */
export function UploadPanel({ onFinished }: { onFinished: () => void }) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (key: number, state: UploadState) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, state } : item)));

  const watch = (key: number, receiptId: string, status: ReceiptStatus) => {
    update(key, { phase: 'watching', receiptId, status, progress: 0 });
    if (isTerminal(status)) {
      onFinished();
      return;
    }
    watchReceipt(
      receiptId,
      (event) => {
        update(key, {
          phase: 'watching',
          receiptId,
          status: event.status,
          stage: event.stage,
          progress: isTerminal(event.status) ? 100 : (event.progress ?? 0),
          error: event.error?.message,
        });
        if (isTerminal(event.status)) onFinished();
      },
      () => {
        // No live stream: read the state once instead of showing a frozen bar.
        void api.getReceipt(receiptId).then((receipt) => {
          update(key, {
            phase: 'watching',
            receiptId,
            status: receipt.status,
            stage: receipt.stage,
            progress: receipt.progress,
            error: receipt.error?.message,
          });
        });
      },
    );
  };

  const uploadOne = async (item: UploadItem) => {
    // Refused here rather than after sending megabytes the server would cut off anyway.
    const limit = maxUploadBytes();
    if (limit !== null && item.file.size > limit) {
      update(item.key, { phase: 'rejected', message: tooLarge(limit) });
      return;
    }
    update(item.key, { phase: 'uploading' });
    try {
      const accepted = await api.upload(item.file);
      if (accepted.duplicateOf) update(item.key, { phase: 'duplicate', receiptId: accepted.id });
      else watch(item.key, accepted.id, accepted.status);
    } catch (error) {
      update(item.key, { phase: 'rejected', message: rejection(error) });
    }
  };

  const add = (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    const added: UploadItem[] = Array.from(files, (file) => ({
      key: nextKey.current++,
      file,
      state: { phase: 'waiting' },
    }));
    setItems((current) => [...added, ...current]);
    // One upload at a time keeps the connection for each file short; reading runs in parallel.
    for (const item of added) queue.current = queue.current.then(() => uploadOne(item));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer?.files ?? null);
  };

  return (
    <section class="upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Add receipts</h2>
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop photos, scans or PDFs here, or</p>
        <div class="buttons">
          <label class="button">
            Choose files
            <input
              type="file"
              class="visually-hidden"
              accept={ACCEPT}
              multiple
              onChange={(event) => {
                const input = event.currentTarget;
                add(input.files);
                input.value = '';
              }}
            />
          </label>
          <label class="button secondary">
            Take a photo
            <input
              type="file"
              class="visually-hidden"
              accept="image/*"
              capture="environment"
              onChange={(event) => {
                const input = event.currentTarget;
                add(input.files);
                input.value = '';
              }}
            />
          </label>
        </div>
      </div>
      {items.length > 0 && (
        <ul class="uploads" aria-label="Uploads">
          {items.map(({ key, file, state }) => {
            const failed =
              state.phase === 'rejected' ||
              (state.phase === 'watching' && state.status === 'failed');
            const done = state.phase === 'watching' && isTerminal(state.status);
            const receiptId =
              state.phase === 'watching' || state.phase === 'duplicate' ? state.receiptId : null;
            return (
              <li key={key} class={failed ? 'failed' : done ? 'done' : ''} data-upload={file.name}>
                <div class="upload-name">
                  {receiptId ? (
                    <a href={`/receipts/${receiptId}`} onClick={followLink}>
                      {file.name}
                    </a>
                  ) : (
                    <span>{file.name}</span>
                  )}
                  <span class="size">{formatBytes(file.size)}</span>
                </div>
                {state.phase === 'uploading' || (state.phase === 'watching' && !failed) ? (
                  <progress
                    max={100}
                    value={state.phase === 'watching' ? state.progress : undefined}
                    aria-label={`${file.name}: ${describe(state)}`}
                  />
                ) : null}
                <p class="upload-status" role={failed ? 'alert' : 'status'}>
                  {describe(state)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

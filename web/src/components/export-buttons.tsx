import { useState } from 'preact/hooks';
import { api, errorMessage, type ExportPath, type ExportQuery } from '../api/api';
import { saveDownload } from '../api/save-download';

const EXPORTS: { path: ExportPath; label: string }[] = [
  { path: '/v1/exports/receipts.csv', label: 'Receipts (CSV)' },
  { path: '/v1/exports/line-items.csv', label: 'Line items (CSV)' },
  { path: '/v1/exports/receipts.zip', label: 'ZIP with originals' },
];

/** Downloads of the receipts the list shows: the same filters, every page, newest first. */
export function ExportButtons({ query, filtered }: { query: ExportQuery; filtered: boolean }) {
  const [busy, setBusy] = useState<ExportPath | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const run = async (path: ExportPath) => {
    setBusy(path);
    setMessage(null);
    try {
      const file = await api.exportReceipts(path, query);
      saveDownload(file.blob, file.filename);
      setMessage({ text: `Downloaded ${file.filename}.`, failed: false });
    } catch (caught) {
      setMessage({
        text: errorMessage(caught, 'The export could not be downloaded.'),
        failed: true,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="exports" role="group" aria-labelledby="export-label">
      <span id="export-label">
        {filtered ? 'Export the receipts that match:' : 'Export all receipts:'}
      </span>
      {EXPORTS.map(({ path, label }) => (
        <button
          key={path}
          type="button"
          class="secondary"
          disabled={busy !== null}
          aria-busy={busy === path}
          onClick={() => void run(path)}
        >
          {busy === path ? 'Preparing…' : label}
        </button>
      ))}
      {message && (
        <span class={message.failed ? 'error' : 'hint'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}

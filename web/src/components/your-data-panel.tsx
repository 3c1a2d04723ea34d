import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/api';
import { saveDownload } from '../api/save-download';
import { ErrorAlert } from './error-alert';

/**
 * Take everything out (one JSON document), or delete the account. Deleting asks for the email
 * typed out, so a stray click or Enter cannot do it.
 */
export function YourDataPanel({ email, onDeleted }: { email: string; onDeleted: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const confirmed = typed.trim().toLowerCase() === email.toLowerCase();

  const exportAll = async () => {
    setExporting(true);
    setError(null);
    try {
      const file = await api.exportAccount();
      saveDownload(file.blob, file.filename);
      setNotice(`Downloaded ${file.filename}.`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setExporting(false);
    }
  };

  const remove = async (event: Event) => {
    event.preventDefault();
    if (!confirmed) return;
    setDeleting(true);
    setError(null);
    try {
      await api.deleteAccount();
      onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setDeleting(false);
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <ErrorAlert message={error} />
      <p class="hint">
        Everything you stored — every receipt with its fields, corrections, text and history, the
        trash too — as one JSON file. The original files are in the ZIP export on the receipts list.
      </p>
      <p class="notice-line" role="status">
        {notice}
      </p>
      <button type="button" class="secondary" disabled={exporting} onClick={() => void exportAll()}>
        {exporting ? 'Preparing…' : 'Download all my data (JSON)'}
      </button>
      <form class="danger-zone" onSubmit={(event) => void remove(event)}>
        <h3>Delete your account</h3>
        <p>
          This deletes your account, every receipt and file, your tags, webhooks and sessions at
          once. It cannot be undone.
        </p>
        <label for="delete-confirm">Type your email address ({email}) to confirm</label>
        <input
          id="delete-confirm"
          type="email"
          autocomplete="off"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" class="danger" disabled={!confirmed || deleting}>
          {deleting ? 'Deleting…' : 'Delete my account and all its data'}
        </button>
      </form>
    </section>
  );
}

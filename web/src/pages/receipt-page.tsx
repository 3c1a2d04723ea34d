import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, type VersionedReceipt } from '../api/api';
import { isTerminal, watchReceipt } from '../api/watch-receipt';
import { ReceiptForm, FIELDS, locatedSource, type FieldName } from '../components/receipt-form';
import { ReceiptImage } from '../components/receipt-image';
import { TagEditor } from '../components/tag-editor';
import { STATUS_LABELS, formatBytes, formatMoney, receiptTitle } from '../format';
import { followLink, navigate } from '../router';
import { NotFoundPage } from './not-found-page';

const GONE = 'This receipt does not exist or was deleted (perhaps in another tab).';

export function ReceiptPage({ id }: { id: string }) {
  const [versioned, setVersioned] = useState<VersionedReceipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [active, setActive] = useState<FieldName | null>(null);
  // Bumped when the receipt changes outside the form (tags, confirm, a new reading): the form
  // then starts again from the new version.
  const [formKey, setFormKey] = useState(0);

  const reload = async () => {
    try {
      setVersioned(await api.getVersioned(id));
      setFormKey((key) => key + 1);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'RECEIPT_NOT_FOUND'
          ? GONE
          : 'The receipt could not be loaded.',
      );
    }
  };

  useEffect(() => {
    void reload();
  }, [id]);

  const receipt = versioned?.receipt ?? null;
  // While it is being read, follow it live and load the record when it finishes.
  const unfinished = receipt !== null && !isTerminal(receipt.status);
  useEffect(() => {
    if (!unfinished) return;
    return watchReceipt(
      id,
      (event) => {
        if (isTerminal(event.status)) void reload();
        else
          setVersioned((current) =>
            current
              ? {
                  ...current,
                  receipt: {
                    ...current.receipt,
                    status: event.status,
                    stage: event.stage ?? null,
                    progress: event.progress ?? 0,
                  },
                }
              : current,
          );
      },
      () => void reload(),
    );
  }, [id, unfinished]);

  if (error) return <NotFoundPage title="Receipt" message={error} />;
  if (!versioned || !receipt) {
    return (
      <section aria-busy="true">
        <h1 tabIndex={-1}>Receipt</h1>
        <p>Loading…</p>
      </section>
    );
  }

  const source = locatedSource(receipt, active);
  const title = receiptTitle(receipt);

  const fail = (caught: unknown) => {
    if (caught instanceof ApiError && caught.code === 'RECEIPT_NOT_FOUND') setError(GONE);
    else setNotice(errorMessage(caught));
  };

  const act = async (action: () => Promise<unknown>, done?: string) => {
    setNotice(null);
    try {
      await action();
      if (done) setNotice(done);
      await reload();
    } catch (caught) {
      fail(caught);
    }
  };

  const remove = async () => {
    if (!confirm('Move this receipt to the trash? You can restore it from there.')) return;
    setNotice(null);
    try {
      await api.deleteReceipt(id);
      navigate('/');
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <article class="receipt">
      <p class="back">
        <a href="/" onClick={followLink}>
          ← All receipts
        </a>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p class="meta">
        <span class={`badge ${receipt.status}`}>{STATUS_LABELS[receipt.status]}</span>{' '}
        {formatMoney(receipt.summary.total, receipt.summary.currency)} · {receipt.filename} ·{' '}
        {formatBytes(receipt.sizeBytes)}
      </p>
      {unfinished && (
        <progress
          max={100}
          value={receipt.progress}
          aria-label={`Reading: ${receipt.stage ?? receipt.status}`}
        />
      )}
      {receipt.error && receipt.status === 'failed' && (
        <p class="error" role="alert">
          {receipt.error.message} ({receipt.error.code})
        </p>
      )}
      {receipt.reviewIssues.length > 0 && (
        <div class="issues" role="note" aria-label="Needs review">
          <p>Please check:</p>
          <ul>
            {receipt.reviewIssues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="notice-line" role="status">
        {notice}
      </p>
      <div class="actions">
        {receipt.status === 'needs_review' && (
          <button type="button" onClick={() => void act(() => api.confirm(id), 'Confirmed.')}>
            Confirm as correct
          </button>
        )}
        {receipt.status === 'failed' && (
          <button type="button" onClick={() => void act(() => api.reprocess(id))}>
            Try again
          </button>
        )}
        <button type="button" class="danger" onClick={() => void remove()}>
          Delete
        </button>
      </div>
      <div class="split">
        <figure class="original">
          <ReceiptImage
            id={id}
            mimeType={receipt.mimeType}
            highlight={source}
            label={`The original receipt${receipt.filename ? ` ${receipt.filename}` : ''}`}
          />
          <figcaption aria-live="polite">
            {source
              ? `${FIELDS.find((f) => f.name === active)?.label} read from: “${source.text}”`
              : 'Point at or focus a field to see where it was read.'}
          </figcaption>
        </figure>
        <div>
          {unfinished ? (
            <p>Being read…</p>
          ) : (
            <ReceiptForm
              key={formKey}
              versioned={versioned}
              onSaved={(next) => setVersioned(next)}
              onGone={() => setError(GONE)}
              onHighlight={setActive}
            />
          )}
          <TagEditor
            tags={receipt.tags}
            onAdd={(name) => act(() => api.addTag(id, name))}
            onRemove={(name) => act(() => api.removeTag(id, name))}
          />
          {receipt.record && receipt.record.lineItems.length > 0 && (
            <>
              <h2>Items</h2>
              <table class="items">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Qty</th>
                    <th scope="col">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {receipt.record.lineItems.map((item, index) => (
                    <tr key={index}>
                      <td>{item.description}</td>
                      <td>{item.quantity}</td>
                      <td>{formatMoney(item.amount, receipt.summary.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </article>
  );
}

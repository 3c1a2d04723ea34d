import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/api';
import type { FieldSource, Receipt, ReceiptField, ReceiptRecord } from '@receipt-vault/client';
import { isTerminal, watchReceipt } from '../api/watch-receipt';
import { ReceiptImage } from '../components/receipt-image';
import { NotFoundPage } from './not-found-page';
import { STATUS_LABELS, formatBytes, formatDate, formatMoney } from '../format';
import { followLink, navigate } from '../router';

type FieldName = Exclude<keyof ReceiptRecord, 'lineItems' | 'checks' | 'taxLines'>;

const FIELDS: { name: FieldName; label: string; money?: boolean }[] = [
  { name: 'merchantName', label: 'Merchant' },
  { name: 'date', label: 'Date' },
  { name: 'time', label: 'Time' },
  { name: 'total', label: 'Total', money: true },
  { name: 'subtotal', label: 'Subtotal', money: true },
  { name: 'taxTotal', label: 'Tax', money: true },
  { name: 'tip', label: 'Tip', money: true },
  { name: 'discount', label: 'Discount', money: true },
  { name: 'currency', label: 'Currency' },
  { name: 'address', label: 'Address' },
  { name: 'phone', label: 'Phone' },
  { name: 'taxId', label: 'Tax id' },
  { name: 'receiptNumber', label: 'Receipt number' },
  { name: 'paymentMethod', label: 'Payment' },
  { name: 'cardLast4', label: 'Card (last 4)' },
];

function confidenceLabel(confidence: number): string {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

export function ReceiptPage({ id }: { id: string }) {
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<FieldName | null>(null);
  const [pinned, setPinned] = useState<FieldName | null>(null);

  const reload = async () => {
    try {
      const next = await api.getReceipt(id);
      setReceipt(next);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.code === 'RECEIPT_NOT_FOUND'
          ? 'This receipt does not exist or was deleted.'
          : 'The receipt could not be loaded.',
      );
    }
  };

  useEffect(() => {
    void reload();
  }, [id]);

  // While it is being read, follow it live and load the record when it finishes.
  const unfinished = receipt !== null && !isTerminal(receipt.status);
  useEffect(() => {
    if (!unfinished) return;
    return watchReceipt(
      id,
      (event) => {
        if (isTerminal(event.status)) void reload();
        else
          setReceipt((current) =>
            current
              ? {
                  ...current,
                  status: event.status,
                  stage: event.stage ?? null,
                  progress: event.progress ?? 0,
                }
              : current,
          );
      },
      () => void reload(),
    );
  }, [id, unfinished]);

  if (error) return <NotFoundPage title="Receipt" message={error} />;
  if (!receipt) {
    return (
      <section aria-busy="true">
        <h1 tabIndex={-1}>Receipt</h1>
        <p>Loading…</p>
      </section>
    );
  }

  const record = receipt.record;
  const shown = active ?? pinned;
  const field = shown && record ? record[shown] : null;
  const source: FieldSource | null = field?.source && field.source !== 'user' ? field.source : null;
  const title = receipt.summary.merchantName ?? receipt.filename ?? 'Receipt';

  const remove = async () => {
    if (!confirm('Delete this receipt and its file?')) return;
    try {
      await api.deleteReceipt(id);
      navigate('/');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The receipt could not be deleted.');
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
        {receipt.filename} · {formatBytes(receipt.sizeBytes)}
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
              ? `${FIELDS.find((f) => f.name === shown)?.label} read from: “${source.text}”`
              : field?.source === 'user'
                ? 'You entered this value.'
                : 'Point at or focus a field to see where it was read.'}
          </figcaption>
        </figure>
        <section class="fields" aria-labelledby="fields-heading">
          <h2 id="fields-heading">Fields</h2>
          {record ? (
            <ul>
              {FIELDS.map(({ name, label, money }) => (
                <FieldRow
                  key={name}
                  name={name}
                  label={label}
                  field={record[name]}
                  display={
                    money
                      ? formatMoney(record[name].value, record.currency.value)
                      : name === 'date'
                        ? formatDate(record.date.value)
                        : (record[name].value ?? '—')
                  }
                  pinned={pinned === name}
                  onActive={(on) => setActive(on ? name : null)}
                  onPin={() => setPinned(pinned === name ? null : name)}
                />
              ))}
            </ul>
          ) : (
            <p>{unfinished ? 'Being read…' : 'No fields were read.'}</p>
          )}
          {record && record.lineItems.length > 0 && (
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
                  {record.lineItems.map((item, index) => (
                    <tr key={index}>
                      <td>{item.description}</td>
                      <td>{item.quantity}</td>
                      <td>{formatMoney(item.amount, record.currency.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div class="actions">
            {receipt.status === 'failed' && (
              <button
                type="button"
                onClick={() =>
                  void api.reprocess(id).then(
                    () => reload(),
                    () => setError('Could not retry.'),
                  )
                }
              >
                Try again
              </button>
            )}
            <button type="button" class="danger" onClick={() => void remove()}>
              Delete
            </button>
          </div>
        </section>
      </div>
    </article>
  );
}

function FieldRow(props: {
  name: FieldName;
  label: string;
  field: ReceiptField;
  display: string;
  pinned: boolean;
  onActive: (on: boolean) => void;
  onPin: () => void;
}) {
  const { field } = props;
  const located = field.source !== null;
  return (
    <li class="field" data-field={props.name}>
      <button
        type="button"
        aria-pressed={located ? props.pinned : undefined}
        disabled={!located}
        title={located ? 'Show where this was read' : 'Not found on the receipt'}
        onMouseEnter={() => props.onActive(true)}
        onMouseLeave={() => props.onActive(false)}
        onFocus={() => props.onActive(true)}
        onBlur={() => props.onActive(false)}
        onClick={props.onPin}
      >
        <span class="label">{props.label}</span>
        <span class="value">{props.display}</span>
        {field.value !== null && (
          <span class={`confidence ${confidenceLabel(field.confidence)}`}>
            {confidenceLabel(field.confidence)} confidence
          </span>
        )}
      </button>
    </li>
  );
}

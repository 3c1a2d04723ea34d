import type { FieldSource, Receipt, ReceiptField } from '@receipt-vault/client';
import { useState } from 'preact/hooks';
import {
  ApiError,
  api,
  type ReceiptCategory,
  type ReceiptPatch,
  type VersionedReceipt,
} from '../api/api';

export type FieldName =
  | 'merchantName'
  | 'date'
  | 'time'
  | 'total'
  | 'subtotal'
  | 'taxTotal'
  | 'tip'
  | 'discount'
  | 'currency'
  | 'paymentMethod'
  | 'cardLast4'
  | 'address';

type EditableName = FieldName | 'note' | 'category';

interface FieldSpec {
  name: FieldName;
  label: string;
  type?: 'date' | 'money' | 'select';
  hint?: string;
}

export const FIELDS: FieldSpec[] = [
  { name: 'merchantName', label: 'Merchant' },
  { name: 'date', label: 'Date', type: 'date' },
  { name: 'time', label: 'Time', hint: 'HH:MM' },
  { name: 'total', label: 'Total', type: 'money' },
  { name: 'subtotal', label: 'Subtotal', type: 'money' },
  { name: 'taxTotal', label: 'Tax', type: 'money' },
  { name: 'tip', label: 'Tip', type: 'money' },
  { name: 'discount', label: 'Discount', type: 'money' },
  { name: 'currency', label: 'Currency', hint: 'ISO code, e.g. EUR' },
  { name: 'paymentMethod', label: 'Payment', type: 'select' },
  { name: 'cardLast4', label: 'Card (last 4)' },
  { name: 'address', label: 'Address' },
];

const PAYMENT_METHODS = ['cash', 'card', 'mobile', 'other'];
// Keyed by the API's category type, so the compiler notices a category added or removed there.
const CATEGORY_NAMES: Record<ReceiptCategory, true> = {
  groceries: true,
  dining: true,
  fuel: true,
  transport: true,
  lodging: true,
  office: true,
  utilities: true,
  health: true,
  shopping: true,
  entertainment: true,
  other: true,
};
export const CATEGORIES = Object.keys(CATEGORY_NAMES);

type Values = Record<EditableName, string>;

function valuesOf(receipt: Receipt): Values {
  const record = receipt.record;
  const values = {} as Values;
  for (const { name } of FIELDS) values[name] = record?.[name].value ?? '';
  values.note = receipt.note ?? '';
  values.category = receipt.category.value ?? '';
  return values;
}

const LABELS: Record<EditableName, string> = {
  ...(Object.fromEntries(FIELDS.map((f) => [f.name, f.label])) as Record<FieldName, string>),
  note: 'Note',
  category: 'Category',
};

function confidenceText(field: ReceiptField | undefined): string {
  if (!field || field.value === null) return 'Not found on the receipt';
  if (field.source === 'user') return 'Corrected by you';
  if (field.confidence >= 0.8) return 'High confidence';
  if (field.confidence >= 0.5) return 'Medium confidence';
  return 'Low confidence: please check';
}

/** Field-level messages of a 422, by field name. */
function fieldErrors(error: ApiError): Partial<Record<string, string>> {
  const details = Array.isArray(error.details) ? error.details : [];
  const errors: Partial<Record<string, string>> = {};
  for (const detail of details as { field?: string; messages?: string[] }[]) {
    if (detail.field) errors[detail.field.split('.')[0]] = (detail.messages ?? []).join('; ');
  }
  return errors;
}

/**
 * The record as a form: focusing or pointing at a field highlights where it was read; Save sends
 * only what changed, with the ETag it was read at, so an edit made elsewhere in the meantime is
 * shown (412) instead of silently overwritten.
 */
export function ReceiptForm(props: {
  versioned: VersionedReceipt;
  onSaved: (next: VersionedReceipt) => void;
  onGone: () => void;
  onHighlight: (name: FieldName | null) => void;
}) {
  const { receipt } = props.versioned;
  const [base, setBase] = useState<Values>(() => valuesOf(receipt));
  const [draft, setDraft] = useState<Values>(() => valuesOf(receipt));
  const [etag, setEtag] = useState(props.versioned.etag);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const changed = (Object.keys(draft) as EditableName[]).filter((k) => draft[k] !== base[k]);

  const take = (next: VersionedReceipt) => {
    setBase(valuesOf(next.receipt));
    setDraft(valuesOf(next.receipt));
    setEtag(next.etag);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (changed.length === 0) return;
    const patch: ReceiptPatch = {};
    for (const name of changed) patch[name] = draft[name].trim() === '' ? null : draft[name].trim();
    setBusy(true);
    setMessage(null);
    setConflicts([]);
    setErrors({});
    try {
      const next = await api.correct(receipt.id, etag, patch);
      take(next);
      setMessage({ kind: 'ok', text: 'Saved.' });
      props.onSaved(next);
    } catch (error) {
      await explain(error);
    } finally {
      setBusy(false);
    }
  };

  const explain = async (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setMessage({ kind: 'error', text: 'Not saved: the server could not be reached.' });
      return;
    }
    if (error.code === 'PRECONDITION_FAILED') {
      // Changed elsewhere: show what the other edit did to the fields changed here, take its
      // version (so Save now overwrites knowingly) and keep this person's values in the form.
      const latest = await api.getVersioned(receipt.id).catch(() => null);
      if (!latest) return props.onGone();
      const theirs = valuesOf(latest.receipt);
      setConflicts(
        changed
          .filter((name) => theirs[name] !== base[name])
          .map(
            (name) =>
              `${LABELS[name]}: now “${theirs[name] || 'empty'}” (yours: “${draft[name] || 'empty'}”)`,
          ),
      );
      const merged = { ...theirs };
      for (const name of changed) merged[name] = draft[name];
      setBase(theirs);
      setDraft(merged);
      setEtag(latest.etag);
      setMessage({
        kind: 'error',
        text: 'Not saved: this receipt was changed elsewhere (another tab or device). Check the values and save again.',
      });
      return;
    }
    if (error.code === 'RECEIPT_NOT_FOUND') return props.onGone();
    if (error.code === 'VALIDATION_FAILED') {
      setErrors(fieldErrors(error));
      setMessage({ kind: 'error', text: 'Not saved: some values are not valid.' });
      return;
    }
    if (error.code === 'RECEIPT_BUSY') {
      setMessage({
        kind: 'error',
        text: 'Not saved: the receipt is being read again. Try shortly.',
      });
      return;
    }
    setMessage({ kind: 'error', text: `Not saved: ${error.message}` });
  };

  const input = (name: EditableName, spec?: FieldSpec) => {
    const common = {
      id: `field-${name}`,
      name,
      value: draft[name],
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': `field-${name}-note`,
      onInput: (event: Event) =>
        setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
    };
    if (spec?.type === 'select' || name === 'category') {
      const options = name === 'category' ? CATEGORIES : PAYMENT_METHODS;
      return (
        <select {...common}>
          <option value="">—</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    if (name === 'note') return <textarea {...common} rows={2} maxLength={1000} />;
    if (spec?.type === 'date') return <input {...common} type="date" />;
    return (
      <input
        {...common}
        type="text"
        inputMode={spec?.type === 'money' ? 'decimal' : undefined}
        autoComplete="off"
      />
    );
  };

  const record = receipt.record;
  return (
    <form class="fields" aria-labelledby="fields-heading" onSubmit={(event) => void save(event)}>
      <h2 id="fields-heading">Fields</h2>
      <ul>
        {FIELDS.map((spec) => {
          const field = record?.[spec.name];
          const located = field?.source && field.source !== 'user' && field.source.box;
          return (
            <li
              key={spec.name}
              class={`field${draft[spec.name] !== base[spec.name] ? ' edited' : ''}`}
              data-field={spec.name}
              onMouseEnter={() => located && props.onHighlight(spec.name)}
              onMouseLeave={() => props.onHighlight(null)}
              onFocusCapture={() => props.onHighlight(located ? spec.name : null)}
            >
              <label for={`field-${spec.name}`}>{spec.label}</label>
              {input(spec.name, spec)}
              <span
                id={`field-${spec.name}-note`}
                class={`note${errors[spec.name] ? ' error' : ''}`}
              >
                {errors[spec.name] ?? confidenceText(field)}
              </span>
            </li>
          );
        })}
        {(['category', 'note'] as const).map((name) => (
          <li
            key={name}
            class="field"
            data-field={name}
            onFocusCapture={() => props.onHighlight(null)}
          >
            <label for={`field-${name}`}>{LABELS[name]}</label>
            {input(name)}
            <span id={`field-${name}-note`} class={`note${errors[name] ? ' error' : ''}`}>
              {errors[name] ??
                (name === 'category' && receipt.category.source === 'rule' ? 'Suggested' : '')}
            </span>
          </li>
        ))}
      </ul>
      {conflicts.length > 0 && (
        <ul class="conflicts" aria-label="Changed elsewhere">
          {conflicts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <p
        class={message?.kind === 'error' ? 'error' : 'saved'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
      <div class="actions">
        <button type="submit" disabled={busy || changed.length === 0}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        {changed.length > 0 && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setDraft(base);
              setErrors({});
            }}
          >
            Undo changes
          </button>
        )}
      </div>
    </form>
  );
}

/** The source of a field, when it has a place on the image. */
export function locatedSource(receipt: Receipt, name: FieldName | null): FieldSource | null {
  const source = name && receipt.record ? receipt.record[name].source : null;
  return source && source !== 'user' && source.box ? source : null;
}

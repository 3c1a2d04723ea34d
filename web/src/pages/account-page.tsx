import type { components } from '@receipt-vault/client';
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type User } from '../api/api';
import { CheckList } from '../components/check-list';
import { ApiKeysPanel } from '../components/api-keys-panel';
import { SessionsPanel } from '../components/sessions-panel';
import { YourDataPanel } from '../components/your-data-panel';

type Webhook = components['schemas']['Webhook'];
type WebhookEvent = components['schemas']['WebhookEventType'];

const EVENTS: { value: WebhookEvent; label: string }[] = [
  { value: 'receipt.completed', label: 'A receipt was read' },
  { value: 'receipt.needs_review', label: 'A receipt needs review' },
  { value: 'receipt.failed', label: 'A receipt could not be read' },
  { value: 'receipt.corrected', label: 'A receipt was corrected' },
];

/** The account: who is signed in, and the webhooks that tell other programs about receipts. */
export function AccountPage({ user, onDeleted }: { user: User; onDeleted: () => void }) {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [events, setEvents] = useState<WebhookEvent[]>(['receipt.completed']);
  const [url, setUrl] = useState('');

  const load = async () => {
    try {
      setHooks(await api.webhooks());
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setSecret(null);
    try {
      const created = await api.addWebhook(url.trim(), events);
      setSecret({ url: created.url, secret: created.secret });
      setUrl('');
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const remove = async (hook: Webhook) => {
    if (!confirm(`Stop sending events to ${hook.url}?`)) return;
    try {
      await api.deleteWebhook(hook.id);
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>Account</h1>
      <p>
        Signed in as <strong>{user.email}</strong>.
      </p>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        <p class="hint">
          Receipt Vault posts a signed message to these addresses when something happens to a
          receipt.
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {secret && (
          <div class="notice" role="status">
            <p>
              Webhook added for {secret.url}. Its signing secret is shown only now; copy it to
              verify the <code>webhook-signature</code> header:
            </p>
            <p>
              <code class="secret">{secret.secret}</code>
            </p>
          </div>
        )}
        {hooks && hooks.length === 0 && <p>No webhooks yet.</p>}
        {hooks && hooks.length > 0 && (
          <ul class="webhooks" aria-label="Your webhooks">
            {hooks.map((hook) => (
              <li key={hook.id}>
                <span class="url">{hook.url}</span>
                <span class="hint">{hook.events.join(', ')}</span>
                <button
                  type="button"
                  class="danger"
                  aria-label={`Delete webhook ${hook.url}`}
                  onClick={() => void remove(hook)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(event) => void add(event)}>
          <label for="webhook-url">Address (URL)</label>
          <input
            id="webhook-url"
            type="url"
            required
            placeholder="https://hooks.example.com/receipt-vault"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <CheckList legend="Send when" options={EVENTS} selected={events} onChange={setEvents} />
          <button type="submit" disabled={events.length === 0}>
            Add webhook
          </button>
        </form>
      </section>
      <ApiKeysPanel />
      <SessionsPanel />
      <YourDataPanel email={user.email} onDeleted={onDeleted} />
    </section>
  );
}

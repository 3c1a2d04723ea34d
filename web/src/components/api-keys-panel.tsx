import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type ApiKey, type ApiKeyScope } from '../api/api';
import { formatDate } from '../format';
import { CheckList } from './check-list';
import { ErrorAlert } from './error-alert';

const SCOPES: { value: ApiKeyScope; label: string }[] = [
  { value: 'receipts:read', label: 'Read receipts (list, search, download, stats)' },
  { value: 'receipts:write', label: 'Upload and change receipts' },
  { value: 'exports', label: 'CSV and ZIP exports' },
  { value: 'webhooks', label: 'Manage webhooks' },
];

function state(key: ApiKey): string {
  if (key.revokedAt) return `revoked ${formatDate(key.revokedAt)}`;
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())
    return `expired ${formatDate(key.expiresAt)}`;
  const used = key.lastUsedAt ? `last used ${formatDate(key.lastUsedAt)}` : 'never used';
  return key.expiresAt ? `${used}; expires ${formatDate(key.expiresAt)}` : used;
}

/** Keys for scripts and other programs: each with its scopes, shown once, revocable. */
export function ApiKeysPanel() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['receipts:read']);
  const [expires, setExpires] = useState('');

  const load = async () => {
    try {
      setKeys(await api.apiKeys());
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    try {
      const key = await api.createApiKey({
        name: name.trim(),
        scopes,
        // The end of the chosen day, in UTC: a key "until 31 Dec" works through that day.
        expiresAt: expires ? `${expires}T23:59:59Z` : undefined,
      });
      setCreated({ name: key.name, key: key.key });
      setName('');
      setExpires('');
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const revoke = async (key: ApiKey) => {
    if (!confirm(`Revoke the API key “${key.name}”? Programs using it stop working at once.`))
      return;
    try {
      await api.revokeApiKey(key.id);
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p class="hint">
        For scripts and other programs: send a key as the <code>X-API-Key</code> header. Each key
        can do only what its scopes allow.
      </p>
      <ErrorAlert message={error} />
      {created && (
        <div class="notice" role="status">
          <p>API key “{created.name}” created. Copy it now; it is shown only this once:</p>
          <p>
            <code class="secret" data-api-key>
              {created.key}
            </code>
          </p>
        </div>
      )}
      {keys && keys.length === 0 && <p>No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <ul class="sessions" aria-label="Your API keys">
          {keys.map((key) => (
            <li key={key.id} data-api-key-id={key.id}>
              <div class="trash-head">
                <strong>{key.name}</strong>
                <code>{key.prefix}…</code>
              </div>
              <p class="hint">
                {key.scopes.join(', ')} · created {formatDate(key.createdAt)} · {state(key)}
              </p>
              {!key.revokedAt && (
                <button
                  type="button"
                  class="danger"
                  aria-label={`Revoke API key ${key.name}`}
                  onClick={() => void revoke(key)}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void create(event)}>
        <label for="api-key-name">Name</label>
        <input
          id="api-key-name"
          required
          maxLength={100}
          placeholder="Bookkeeping sync"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <CheckList legend="Allowed to" options={SCOPES} selected={scopes} onChange={setScopes} />
        <label for="api-key-expires">Expires (optional)</label>
        <input
          id="api-key-expires"
          type="date"
          value={expires}
          onInput={(event) => setExpires(event.currentTarget.value)}
        />
        <button type="submit" disabled={scopes.length === 0}>
          Create API key
        </button>
      </form>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Session } from '../api/api';
import { describeDevice } from '../describe-device';
import { ErrorAlert } from './error-alert';

function when(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Where this account is signed in: end one session, or every one but this. */
export function SessionsPanel() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = async () => {
    try {
      setSessions(await api.sessions());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const act = async (action: () => Promise<string>) => {
    setNotice(null);
    try {
      setNotice(await action());
    } catch (caught) {
      setError(errorMessage(caught));
    }
    await load();
  };

  const others = sessions?.filter((session) => !session.current) ?? [];
  // This browser first, then the rest, most recently active first (the API's order).
  const listed = sessions ? [...sessions.filter((session) => session.current), ...others] : null;

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <p class="hint">
        Each sign-in (a browser, a phone, a script) is a session. Sign out one you do not recognise;
        its access stops at once.
      </p>
      <ErrorAlert message={error} />
      <p class="notice-line" role="status">
        {notice}
      </p>
      {listed && (
        <ul class="sessions" aria-label="Your sessions">
          {listed.map((session) => (
            <li key={session.id} data-session-id={session.id}>
              <div class="trash-head">
                <strong>
                  {describeDevice(session.userAgent)}
                  {session.current && ' (this browser)'}
                </strong>
                <span>Last active {when(session.lastRenewedAt)}</span>
              </div>
              <p class="hint">
                Signed in {when(session.createdAt)}; ends {when(session.expiresAt)} unless used.
              </p>
              {!session.current && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Sign out ${describeDevice(session.userAgent)}, signed in ${when(session.createdAt)}`}
                  onClick={() =>
                    void act(async () => {
                      await api.endSession(session.id);
                      return 'That session is signed out.';
                    })
                  }
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void act(async () => {
              const { signedOut } = await api.endOtherSessions();
              return `Signed out ${signedOut} other session${signedOut === 1 ? '' : 's'}.`;
            })
          }
        >
          Sign out everywhere else
        </button>
      )}
    </section>
  );
}

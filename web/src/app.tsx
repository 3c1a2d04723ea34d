import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type User } from './api/api';
import { onSessionChange } from './api/http';
import { AccountPage } from './pages/account-page';
import { AuthPage } from './pages/auth-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReceiptPage } from './pages/receipt-page';
import { ReceiptsPage } from './pages/receipts-page';
import { ReviewPage } from './pages/review-page';
import { StatsPage } from './pages/stats-page';
import { TrashPage } from './pages/trash-page';
import { followLink, navigate, usePath } from './router';

type Session =
  | { state: 'loading' }
  | { state: 'signed-out'; notice?: string }
  | { state: 'signed-in'; user: User };

const RECEIPT_PATH = /^\/receipts\/([0-9a-f-]{36})$/i;

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const path = usePath();
  const pathname = path.split('?')[0];
  const main = useRef<HTMLElement>(null);

  const signedIn = async () => {
    try {
      setSession({ state: 'signed-in', user: await api.me() });
    } catch {
      setSession({ state: 'signed-out' });
    }
  };

  useEffect(() => {
    void api.restore().then((ok) => (ok ? signedIn() : setSession({ state: 'signed-out' })));
    return onSessionChange((isIn) => {
      if (!isIn) {
        setSession((current) =>
          current.state === 'signed-in'
            ? { state: 'signed-out', notice: 'Your session has ended. Please sign in again.' }
            : current,
        );
      }
    });
  }, []);

  // A new screen: its heading takes focus, so screen readers announce where they are.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname, session.state]);

  if (session.state === 'loading') {
    return (
      <main id="main" ref={main} class="loading" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }

  if (session.state === 'signed-out') {
    const mode = pathname === '/sign-up' ? 'sign-up' : 'sign-in';
    return (
      <>
        <Header />
        <main id="main" ref={main} class="narrow">
          <AuthPage
            mode={mode}
            notice={session.notice}
            onSignedIn={() => {
              void signedIn();
              if (pathname === '/sign-in' || pathname === '/sign-up')
                navigate('/', { replace: true });
            }}
          />
        </main>
      </>
    );
  }

  if (pathname === '/sign-in' || pathname === '/sign-up') navigate('/', { replace: true });
  const receiptMatch = RECEIPT_PATH.exec(pathname);
  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    setSession({ state: 'signed-out', notice: 'You have signed out.' });
    navigate('/sign-in', { replace: true });
  };

  return (
    <>
      <Header user={session.user} onSignOut={signOut} />
      <main id="main" ref={main}>
        {pathname === '/' ? (
          <ReceiptsPage />
        ) : pathname === '/review' ? (
          <ReviewPage />
        ) : pathname === '/stats' ? (
          <StatsPage />
        ) : pathname === '/trash' ? (
          <TrashPage />
        ) : pathname === '/account' ? (
          <AccountPage
            user={session.user}
            onDeleted={() => {
              setSession({
                state: 'signed-out',
                notice: 'Your account and everything in it have been deleted.',
              });
              navigate('/sign-in', { replace: true });
            }}
          />
        ) : receiptMatch ? (
          <ReceiptPage id={receiptMatch[1]} key={receiptMatch[1]} />
        ) : (
          <NotFoundPage />
        )}
      </main>
    </>
  );
}

function Header({ user, onSignOut }: { user?: User; onSignOut?: () => Promise<void> }) {
  return (
    <header class="top">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <a class="brand" href="/" onClick={followLink}>
        Receipt Vault
      </a>
      {user && (
        <nav aria-label="Main">
          <a href="/" onClick={followLink}>
            Receipts
          </a>
          <a href="/review" onClick={followLink}>
            Review
          </a>
          <a href="/stats" onClick={followLink}>
            Spending
          </a>
          <a href="/trash" onClick={followLink}>
            Trash
          </a>
        </nav>
      )}
      {user && (
        <div class="account">
          <a class="who" href="/account" onClick={followLink}>
            {user.email}
          </a>
          <button type="button" class="secondary" onClick={() => void onSignOut?.()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}

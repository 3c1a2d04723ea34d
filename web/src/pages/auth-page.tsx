import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/api';
import { followLink } from '../router';

const PASSWORD_MIN = 10;

function describe(error: unknown, mode: 'sign-in' | 'sign-up'): string {
  if (!(error instanceof ApiError)) return 'The server could not be reached. Try again.';
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'That email and password do not match an account.';
    case 'EMAIL_TAKEN':
      return 'An account with that email already exists. Sign in instead.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Wait a minute and try again.';
    case 'VALIDATION_FAILED':
      return mode === 'sign-up'
        ? `Enter a valid email and a password of ${PASSWORD_MIN} to 128 characters.`
        : 'Enter a valid email and your password.';
    default:
      return error.message;
  }
}

export function AuthPage(props: {
  mode: 'sign-in' | 'sign-up';
  notice?: string;
  onSignedIn: () => void;
}) {
  const { mode } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    setBusy(true);
    setError(null);
    try {
      if (mode === 'sign-up') await api.register(email, password);
      await api.signIn(email, password);
      props.onSignedIn();
    } catch (caught) {
      setError(describe(caught, mode));
      setBusy(false);
    }
  };

  const title = mode === 'sign-up' ? 'Create your account' : 'Sign in';
  return (
    <section class="auth">
      <h1 tabIndex={-1}>{title}</h1>
      {props.notice && <p class="notice">{props.notice}</p>}
      <form onSubmit={(event) => void submit(event)} noValidate={false}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          minLength={mode === 'sign-up' ? PASSWORD_MIN : undefined}
          maxLength={128}
          required
          aria-describedby={mode === 'sign-up' ? 'password-hint' : undefined}
        />
        {mode === 'sign-up' && (
          <p id="password-hint" class="hint">
            At least {PASSWORD_MIN} characters.
          </p>
        )}
        <div role="alert" class="error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {mode === 'sign-up' ? 'Create account' : 'Sign in'}
        </button>
      </form>
      <p>
        {mode === 'sign-up' ? (
          <>
            Have an account?{' '}
            <a href="/sign-in" onClick={followLink}>
              Sign in
            </a>
          </>
        ) : (
          <>
            New here?{' '}
            <a href="/sign-up" onClick={followLink}>
              Create an account
            </a>
          </>
        )}
      </p>
    </section>
  );
}

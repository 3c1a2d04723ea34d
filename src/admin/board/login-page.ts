import { BOARD_PATH } from './admin-board.js';

/**
 * The admin login form. It signs in through the ordinary login route (same throttling and
 * checks), then trades the access token for the HttpOnly admin cookie, so the token never
 * stays in page storage.
 */
export const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Receipt Vault · admin sign-in</title>
<style>
  body { font: 16px system-ui, sans-serif; display: grid; place-items: center; min-height: 90vh; }
  form { display: grid; gap: .75rem; width: min(22rem, 90vw); }
  input, button { font: inherit; padding: .5rem; }
  #error { color: #b00020; min-height: 1.2em; }
</style>
</head>
<body>
<form id="login">
  <h1>Queues · admin sign-in</h1>
  <label>Email <input name="email" type="email" autocomplete="username" required></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Sign in</button>
  <p id="error" role="alert"></p>
</form>
<script>
  const form = document.getElementById('login');
  const error = document.getElementById('error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = JSON.stringify({ email: form.email.value, password: form.password.value });
    const login = await fetch('/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    });
    if (!login.ok) { error.textContent = (await login.json()).message; return; }
    const { accessToken } = await login.json();
    const session = await fetch('/admin/session', {
      method: 'POST', headers: { authorization: 'Bearer ' + accessToken },
    });
    if (!session.ok) { error.textContent = (await session.json()).message; return; }
    location.assign(${JSON.stringify(BOARD_PATH)});
  });
</script>
</body>
</html>
`;

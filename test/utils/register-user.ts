import { randomUUID } from 'node:crypto';
import { http } from './http.js';

export interface RegisteredUser {
  id: string;
  email: string;
  /** A bearer access token from a real login. */
  token: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Registers a new account through the API and logs it in. */
export async function registerUser(
  baseUrl: string,
  email = `user-${randomUUID()}@example.com`,
): Promise<RegisteredUser> {
  const created = await http(baseUrl, 'POST', '/v1/auth/register', {
    body: { email, password: TEST_PASSWORD },
  });
  if (created.status !== 201) throw new Error(`register failed: ${created.status} ${created.text}`);
  const login = await http(baseUrl, 'POST', '/v1/auth/login', {
    body: { email, password: TEST_PASSWORD },
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return { id: created.body.id as string, email, token: login.body.accessToken as string };
}

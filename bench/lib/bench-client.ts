import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export const TERMINAL = new Set(['completed', 'needs_review', 'failed']);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The few API calls the benchmarks make against a running stack (e.g. `npm run dev`). */
export class BenchClient {
  readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/$/, '');
  }

  async json<T>(
    path: string,
    init: RequestInit = {},
    token?: string,
  ): Promise<{ status: number; body: T }> {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    const res = await fetch(`${this.base}${path}`, { ...init, headers });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Registers a fresh user (so earlier uploads are never duplicates) and logs it in. */
  async newUser(): Promise<string> {
    const credentials = {
      email: `bench-${randomUUID()}@example.com`,
      password: 'benchmark password 123',
    };
    const post = (path: string) =>
      this.json<{ accessToken: string }>(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
    await post('/v1/auth/register');
    const login = await post('/v1/auth/login');
    if (login.status !== 200)
      throw new Error(`login failed (${login.status}); is the stack running at ${this.base}?`);
    return login.body.accessToken;
  }

  async upload(token: string, file: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([await readFile(file)]), basename(file));
    const res = await this.json<{ id: string }>(
      '/v1/receipts',
      { method: 'POST', body: form },
      token,
    );
    if (res.status !== 202) throw new Error(`upload of ${file} answered ${res.status}`);
    return res.body.id;
  }

  async waitFinished(token: string, id: string, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.json<{ status: string }>(`/v1/receipts/${id}`, {}, token);
      if (TERMINAL.has(res.body.status)) return res.body.status;
      if (Date.now() > deadline) throw new Error(`receipt ${id} still ${res.body.status}`);
      await sleep(50);
    }
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

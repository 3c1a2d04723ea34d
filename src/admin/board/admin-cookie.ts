import type { Request, Response } from 'express';

/** The bull-board session: the admin's access token in a cookie only `/admin` paths receive. */
export const ADMIN_COOKIE = 'rv_admin';

export function readAdminCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ADMIN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * HttpOnly (page scripts never see it), SameSite=Strict (another site cannot make the browser
 * send it, which is the CSRF defence for bull-board's POST actions), Secure behind HTTPS.
 */
export function setAdminCookie(req: Request, res: Response, token: string, maxAgeSeconds: number) {
  res.cookie(ADMIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/admin',
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearAdminCookie(res: Response): void {
  res.clearCookie(ADMIN_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/admin' });
}

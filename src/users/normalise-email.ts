/**
 * One account per mailbox however it is typed: `A@x.com ` and `a@x.com` are the same user.
 * NFKC folds compatibility forms (full-width letters) before lower-casing.
 */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The authenticated caller, as the JWT strategy puts it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  sessionId: string;
}

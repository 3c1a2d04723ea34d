/**
 * The environment of a process this one starts: its own, with `overrides` on top. It lives in
 * src/config because only configuration code reads process.env.
 */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

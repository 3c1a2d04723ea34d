/**
 * Refuses to touch a database whose name does not say it is for tests, so a mistyped URL or a
 * leaked environment variable can never point the suite at real data.
 */
export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test')) {
    throw new Error(`Refusing to use database "${name}" for tests: its name must contain "test".`);
  }
}

// What test/setup/global-setup.ts provides to every integration and e2e test file via inject().
declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL server; clone `templateDatabase` with createTestDatabase(). */
    postgres: {
      host: string;
      port: number;
      user: string;
      password: string;
      /** Holds every migration; accepts no connections, only clones. */
      templateDatabase: string;
    };
    /** The throwaway Redis server, e.g. redis://127.0.0.1:41234 */
    redisUrl: string;
    /** Browser tier only (browser-setup.ts): Debian's chromium. */
    chromiumPath: string;
    /** Browser tier only: a fresh production build of web/, for WEB_DIR. */
    webDir: string;
  }
}

export {};

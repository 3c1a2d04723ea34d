// Types for postgres-access.mjs, so the TypeScript tests can use it.
export interface ServerUser {
  uid?: number;
  gid?: number;
}

export declare const OS_USER: string;
export declare const BINARY_CACHE_DIR: string;
export declare const DEV_DATA_ROOT: string;
export declare function serverUser(): ServerUser;
export declare function blockingFolder(path: string, user: ServerUser): string | undefined;
export declare function assertReachable(path: string, user: ServerUser): void;
export declare function makeFolders(path: string): void;
export declare function serverBinaries(
  packageDir: string,
  user: ServerUser,
  cacheDir?: string,
): { initdb: string; postgres: string };
export declare function persistentDataDir(
  preferred: string,
  user: ServerUser,
  dataRoot?: string,
): string;

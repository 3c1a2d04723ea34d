// Types for ports.mjs, so the TypeScript test harness can use it.
export declare function isPortFree(port: number): Promise<boolean>;
export declare function freePort(): Promise<number>;
export declare function isAddressInUse(output: string): boolean;
export declare function launchOnFreePort<T>(
  launch: (port: number) => Promise<T>,
  preferred?: number,
): Promise<{ port: number; server: T }>;

// Types for chromium.mjs, so the TypeScript test harness can use it.
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function ensureChromium(): string;

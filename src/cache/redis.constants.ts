/** Injection token of the shared command client (cache, pub/sub publishing, heartbeats, throttling). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** Injection token of the subscriber connection used for progress events. */
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');

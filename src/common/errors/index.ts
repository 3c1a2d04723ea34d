export { AppError, type AppErrorOptions } from './app-error.js';
export { ErrorCode } from './error-code.js';
export { ERROR_STATUS, statusForCode } from './error-status.js';
export { isDependencyUnavailable } from './dependency-error.js';

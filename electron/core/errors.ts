/**
 * Errors that reach a person carry a stable code and a Vietnamese message fit to show as is.
 * Anything else thrown inside the core is reported as INTERNAL with a generic message.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'WORKSPACE_LOCKED',
  'WORKSPACE_MISSING',
  'WORKSPACE_EXISTS',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'READ_ONLY',
  'CANCELLED',
  'BAD_FILE',
  'TOO_LARGE',
  'UNSUPPORTED',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export function notFound(what: string): CoreError {
  return new CoreError('NOT_FOUND', `Không tìm thấy ${what}.`);
}

export function invalid(message: string): CoreError {
  return new CoreError('INVALID_INPUT', message);
}

/**
 * Every error Padu reports to a client. Each code maps to one HTTP status, here and nowhere else.
 */
export const ERROR_CODES = {
  /** The request does not match its schema, or a value is malformed; `details` lists each problem. */
  VALIDATION_FAILED: 400,
  /** The JSON body cannot be parsed. */
  MALFORMED_JSON: 400,
  /** No valid session or API token was presented. */
  UNAUTHENTICATED: 401,
  /** Username or password is wrong (deliberately not saying which). */
  INVALID_CREDENTIALS: 401,
  /** A one-time code (TOTP) is wrong, expired or already used. */
  INVALID_CODE: 401,
  /** A cookie-authenticated write came without the session's X-CSRF-Token header (or a wrong one). */
  CSRF_FAILED: 403,
  /** The caller is known but its role or agency does not allow this. */
  FORBIDDEN: 403,
  /** A registration's NIK, name and birth date do not match the population register together. */
  IDENTITY_MISMATCH: 400,
  /** A password-reset token is unknown, used or expired. */
  RESET_TOKEN_INVALID: 400,
  /** The addressed resource does not exist. */
  NOT_FOUND: 404,
  /** The HTTP method is not supported on this path. */
  METHOD_NOT_ALLOWED: 405,
  /** The request conflicts with existing data (e.g. a duplicate username). */
  CONFLICT: 409,
  /** The body is larger than the limit for this route. */
  PAYLOAD_TOO_LARGE: 413,
  /** The request's content type is not accepted by this route. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many requests; retry after the time in `Retry-After`. */
  RATE_LIMITED: 429,
  /** An unexpected fault inside Padu; the request id in the log tells an operator what happened. */
  INTERNAL: 500,
  /** The database cannot be reached. */
  DATABASE_UNAVAILABLE: 503,
  /** The exchange log cannot be written: the gateway refuses to forward (it fails closed). */
  LOG_UNAVAILABLE: 503,
  /** The gateway's upstream failed or answered with something that is not HTTP. */
  BAD_GATEWAY: 502,
  /** The gateway's upstream did not answer in time. */
  GATEWAY_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one input field: where it is (a JSON pointer such as `/query/level`) and what is wrong. */
export interface ErrorDetail {
  readonly field: string;
  readonly message: string;
}

/** The one error type of Padu. Its message says what is wrong and how to fix it. */
export class AppError extends Error {
  readonly status: number;
  /** For RATE_LIMITED: seconds until a retry can succeed, sent as Retry-After. */
  retryAfterSeconds: number | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

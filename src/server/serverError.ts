/**
 * A failure with an HTTP meaning, thrown anywhere in the server (routes, accounts, auth) and turned into the
 * one error shape by the error handler. The admin CLI prints its message instead.
 */
export class ServerError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 426 | 429,
    readonly code: string,
    message: string,
    /** With 429 (and 503): the `Retry-After` header, in seconds, so the device can say when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

import type { FastifyError, FastifyInstance } from 'fastify';
import { apiError } from './apiError';
import { ServerError } from './serverError';

/** Stable codes for what Fastify and its plugins reject before a handler runs. */
const CODES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  406: 'notAcceptable',
  413: 'payloadTooLarge',
  415: 'unsupportedMediaType',
  429: 'tooManyRequests',
};

/**
 * Every error leaves as `{ error: { code, message } }`: our own ServerErrors as they are, Fastify's 4xx
 * (bad JSON, body too large, rate limit) with a stable code, anything else as a 500 that hides its details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ServerError, request, reply) => {
    if (error instanceof ServerError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send(apiError(error.code, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(apiError(CODES[status] ?? 'badRequest', error.message));
    request.log.error(error);
    return reply.code(500).send(apiError('internal', 'Internal server error.'));
  });
}

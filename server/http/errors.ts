import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../../shared/api/error';
import { ValidationError } from '../../shared/errors';

/** An error with an HTTP status and a stable code, answered as JSON {error, field?, message}. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = 'a valid bearer token is required') =>
  new HttpError(401, 'unauthorized', message);

function body(code: string, message: string, field?: string): ApiError {
  return field === undefined ? { error: code, message } : { error: code, field, message };
}

/** Maps Fastify's own errors (bad JSON, media type, body size) to the API's error shape. */
function fromFastify(error: FastifyError): { status: number; payload: ApiError } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, payload: body('unsupported_media_type', `${error.message}; send application/json`) };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, payload: body('invalid_body', error.message) };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, payload: body('body_too_large', error.message) };
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return { status: 400, payload: body('invalid_json', `request body is not valid JSON: ${error.message}`) };
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  return {
    status,
    payload: body(status === 500 ? 'internal' : 'request_failed', status === 500 ? 'internal server error' : error.message),
  };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.field));
    }
    if (error instanceof ValidationError) {
      const first = error.fields[0];
      return reply.status(400).send(body('invalid_input', error.message, first?.field));
    }
    const { status, payload } = fromFastify(error as FastifyError);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(payload);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

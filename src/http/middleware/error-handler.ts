import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpProblem, problemBody, type ProblemType } from '../problem';

type Logger = { error(obj: object, msg?: string): void };

const BODY_PARSER_ERRORS: Record<string, ProblemType> = {
  'entity.too.large': 'content-too-large',
  'entity.parse.failed': 'malformed-json',
  'encoding.unsupported': 'unsupported-media-type',
  'charset.unsupported': 'unsupported-media-type',
  'entity.verify.failed': 'invalid-request',
  'request.aborted': 'invalid-request',
  'request.size.invalid': 'invalid-request',
};

const CLIENT_ERRORS: Record<number, ProblemType> = {
  405: 'method-not-allowed',
  413: 'content-too-large',
  415: 'unsupported-media-type',
};

function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const type = (err as { type?: string })?.type;
  if (type && BODY_PARSER_ERRORS[type]) {
    const detail =
      type === 'entity.parse.failed' ? 'The body could not be parsed as JSON.' : (err as Error).message;
    return new HttpProblem(BODY_PARSER_ERRORS[type], detail);
  }
  // Other http-errors with a 4xx status (a path that is not valid percent-encoding, a corrupt gzip
  // body, a static file not found): the client's fault, answered without the library's message.
  const status = (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return status === 404
      ? new HttpProblem('not-found', 'Nothing is served at this address.')
      : new HttpProblem(CLIENT_ERRORS[status] ?? 'invalid-request', 'The request could not be read.');
  }
  return new HttpProblem('internal', 'The error was logged with the request id.');
}

/** The one place errors become RFC 9457 problem+json; only 5xx are logged, never with the body. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) {
      logger.error({ requestId: req.id, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="catalog-admin"');
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problemBody(problem, req.originalUrl.split('?')[0], req.id)));
  };
}

export function notFound(): RequestHandler {
  return (req, _res, next) => next(new HttpProblem('not-found', `Nothing is served at ${req.method} ${req.path}.`));
}

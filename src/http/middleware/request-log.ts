import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics';

/**
 * One JSON log line per request and its latency in the metrics, from a single hook when the answer
 * is sent (or the connection closes first). The line holds the request id, the officer, the method,
 * the path without its query, the status and the time taken: never a header, a query or a body.
 *
 * A per-request child logger (as pino-http makes) cost a fifth of a screening request's time for a
 * line that carries five fields; this writes the same line with the service's pino logger.
 */
export function requestLog(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const endTimer = metrics.duration.startTimer();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      res.off('finish', done);
      res.off('close', done);
      const finished = res.writableFinished;
      const status = res.statusCode;
      // Only matched routes become labels: raw paths would grow the metric without bound.
      endTimer({ method: req.method, route: routeOf(req), status: finished ? String(status) : 'aborted' });
      const line = {
        requestId: req.id,
        officer: req.officer,
        req: { method: req.method, path: pathOf(req.originalUrl) },
        res: { statusCode: status },
        responseTime: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
      };
      if (!finished) logger.warn(line, 'request aborted');
      else if (status >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

function routeOf(req: Request): string {
  return req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

import express, { type RequestHandler } from 'express';
import { HttpProblem } from '../problem';

const MAX_DEPTH = 32;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Deepest nesting of a parsed JSON value, up to `stopAt`: the walk goes no deeper than that, so
 * its own recursion is bounded whatever the body holds.
 */
export function jsonDepth(value: unknown, stopAt = MAX_DEPTH + 1): number {
  return depthBelow(value, 1, stopAt);
}

function depthBelow(v: unknown, d: number, stopAt: number): number {
  if (v === null || typeof v !== 'object') return 0;
  if (d >= stopAt) return d;
  let max = d;
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    if (child === null || typeof child !== 'object') continue;
    max = Math.max(max, depthBelow(child, d + 1, stopAt));
    if (max >= stopAt) return max;
  }
  return max;
}

/** JSON bodies only (415 otherwise, and for a Content-Encoding), size-limited (413), nesting-limited (400). */
export function jsonBody(limitBytes: number): RequestHandler {
  // No compressed bodies: 50 kB of gzip inflates to megabytes of work before the limit applies.
  const parse = express.json({ limit: limitBytes, strict: true, inflate: false, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => {
    if (!WITH_BODY.has(req.method)) return next();
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      return next(new HttpProblem('unsupported-media-type', `Send the body as application/json, not ${req.get('content-type') ?? 'no content type'}.`));
    }
    parse(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (jsonDepth(req.body) > MAX_DEPTH) {
        return next(new HttpProblem('invalid-request', `The body is nested more than ${MAX_DEPTH} levels deep.`));
      }
      next();
    });
  };
}

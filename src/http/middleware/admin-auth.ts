import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AdminToken } from '../../config';
import { HttpProblem } from '../problem';

declare module 'express-serve-static-core' {
  interface Request {
    officer?: string;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Bearer tokens of named officers, compared in constant time; the token itself is never logged. */
export function adminAuth(tokens: readonly AdminToken[], onFailure: () => void): RequestHandler {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  return (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m) {
      const given = digest(m[1]);
      let officer: string | undefined;
      for (const k of known) if (timingSafeEqual(given, k.digest)) officer = officer ?? k.name;
      if (officer) {
        req.officer = officer;
        return next();
      }
    }
    onFailure();
    next(
      new HttpProblem(
        'unauthorized',
        known.length === 0
          ? 'No officer tokens are configured (CATALOG_ADMIN_TOKENS); catalog administration is off.'
          : m
            ? 'The bearer token is not valid.'
            : 'Send Authorization: Bearer <token>.',
      ),
    );
  };
}

/** Limits failed admin logins per client address; successful calls do not count. */
export function failedLoginLimit(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    skipSuccessfulRequests: true,
    handler: (_req, _res, next) => next(new HttpProblem('too-many-requests', 'Too many failed logins from this address.')),
  });
}

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
export function identifyOfficer(tokens: readonly AdminToken[]): RequestHandler {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  return (req, _res, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (m) {
      const given = digest(m[1]);
      let officer: string | undefined;
      for (const k of known) if (timingSafeEqual(given, k.digest)) officer = officer ?? k.name;
      req.officer = officer;
    }
    next();
  };
}

/** Refuses a request without a known officer's token (401). */
export function requireOfficer(configured: boolean, onFailure: () => void): RequestHandler {
  return (req, _res, next) => {
    if (req.officer) return next();
    onFailure();
    const sent = /^Bearer\s+\S+/i.test(req.get('authorization') ?? '');
    next(
      new HttpProblem(
        'unauthorized',
        !configured
          ? 'No officer tokens are configured (CATALOG_ADMIN_TOKENS); catalog administration is off.'
          : sent
            ? 'The bearer token is not valid.'
            : 'Send Authorization: Bearer <token>.',
      ),
    );
  };
}

/**
 * Limits failed admin logins per client address. Officers with a valid token pass untouched, so a
 * script guessing tokens behind a post office's shared address does not lock its officers out.
 */
export function failedLoginLimit(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.officer !== undefined,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    skipSuccessfulRequests: true,
    handler: (_req, _res, next) => next(new HttpProblem('too-many-requests', 'Too many failed logins from this address.')),
  });
}

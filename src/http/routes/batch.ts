import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { screenDeclaration } from '../../screening/screen-declaration';
import type { Outcome } from '../../screening/types';
import { parseDeclaration } from '../declaration-schema';
import { screeningResponse } from '../map-decision';
import { fieldError, HttpProblem } from '../problem';
import { snapshotForRequest, type ScreeningDeps } from './screenings';

type BatchLimits = { batchDeclarations: number; batchItems: number; descriptionLength: number };

/**
 * Screens a manifest of declarations in one request: a result (or the field errors) per declaration,
 * all with the same catalog snapshot. `Accept: application/x-ndjson` streams one line per declaration.
 */
export function batchRoutes(deps: ScreeningDeps & { batch: BatchLimits }): Router {
  const router = Router();
  router.post('/v1/screenings/batch', async (req, res) => {
    const snapshot = await snapshotForRequest(deps.store, req.query.catalogVersion);
    const list: unknown = req.body?.declarations;
    if (!Array.isArray(list) || list.length === 0) {
      throw new HttpProblem('invalid-request', 'Send { "declarations": [ ... ] } with at least one declaration.', [
        fieldError(['declarations'], 'invalid_type', 'a non-empty array of declarations'),
      ]);
    }
    if (list.length > deps.batch.batchDeclarations) {
      throw new HttpProblem('content-too-large', `At most ${deps.batch.batchDeclarations} declarations per batch.`, [
        fieldError(['declarations'], 'too_big', `at most ${deps.batch.batchDeclarations} declarations`),
      ]);
    }
    const itemCount = list.reduce<number>((n, d) => n + (Array.isArray((d as { items?: unknown })?.items) ? (d as { items: unknown[] }).items.length : 0), 0);
    if (itemCount > deps.batch.batchItems) {
      throw new HttpProblem('content-too-large', `At most ${deps.batch.batchItems} items per batch.`, [
        fieldError(['declarations'], 'too_big', `at most ${deps.batch.batchItems} items in all`),
      ]);
    }
    const tz = snapshot.settings.jurisdiction.timeZone;
    const now = deps.clock();
    const analyze = deps.cache.analyzerFor(snapshot);
    const limits = { items: deps.batch.batchItems, descriptionLength: deps.batch.descriptionLength };
    const batchId = randomUUID();
    const counts: Record<Outcome, number> = { ACCEPT: 0, REVIEW: 0, REJECT: 0 };
    let invalid = 0;
    const results = [];
    for (let index = 0; index < list.length; index++) {
      // Let other requests in between declarations: a manifest must not stall the counters.
      if (index % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
      results.push(screenOne(list[index], index));
    }
    function screenOne(body: unknown, index: number) {
      const parsed = parseDeclaration(body, limits, tz, now, ['declarations', index]);
      if ('errors' in parsed) {
        invalid++;
        return { index, errors: parsed.errors };
      }
      const decision = screenDeclaration(parsed.declaration, snapshot, { analyze });
      deps.metrics.recordDecision(decision);
      counts[decision.decision]++;
      const itemId = typeof (body as { itemId?: unknown }).itemId === 'string' ? (body as { itemId: string }).itemId : undefined;
      return { index, ...screeningResponse(`${batchId}:${index}`, decision, snapshot, itemId) };
    }
    const summary = { batchId, catalog: { version: snapshot.version }, declarations: list.length, items: itemCount, invalid, decisions: counts };
    if (req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson') {
      res.type('application/x-ndjson');
      for (const r of results) res.write(`${JSON.stringify(r)}\n`);
      res.end(`${JSON.stringify({ summary })}\n`);
      return;
    }
    res.json({ summary, results });
  });
  return router;
}

import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { screenDeclaration } from '../../screening/screen-declaration';
import type { Outcome } from '../../screening/types';
import { parseDeclaration } from '../declaration-schema';
import { screeningResponse } from '../map-decision';
import { fieldError, HttpProblem } from '../problem';
import { written } from '../stream-answer';
import { snapshotForRequest, type ScreeningDeps } from './screenings';

/** Declarations screened between two writes of the answer. */
const SLICE = 25;
const RESULTS_OPEN = Buffer.from('{"results":[');
const COMMA = Buffer.from(',');
const NEWLINE = Buffer.from('\n');

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
    const ndjson = req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson';
    // Results go out as they are screened, a slice at a time: the answer for 10,000 items never sits
    // whole in memory, and a slow reader holds the loop (backpressure) instead of piling up output.
    res.status(200).setHeader('Content-Type', `${ndjson ? 'application/x-ndjson' : 'application/json'}; charset=utf-8`);
    // Each result is encoded to UTF-8 on its own and the slice is the concatenated bytes: joining long
    // non-ASCII strings costs V8 several times what encoding them does.
    let pending: Buffer[] = [];
    for (let index = 0; index < list.length; index++) {
      const result = Buffer.from(JSON.stringify(screenOne(list[index], index)), 'utf8');
      if (ndjson) pending.push(result, NEWLINE);
      else pending.push(index === 0 ? RESULTS_OPEN : COMMA, result);
      if ((index + 1) % SLICE !== 0 && index < list.length - 1) continue;
      const slice = Buffer.concat(pending);
      pending = [];
      // Between slices other requests get their turn: a manifest must not stall the counters.
      if (!(await written(res, slice))) return;
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
    res.end(ndjson ? `${JSON.stringify({ summary })}\n` : `],"summary":${JSON.stringify(summary)}}`);
  });
  return router;
}

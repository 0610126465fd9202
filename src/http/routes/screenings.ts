import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { AnalysisCache } from '../../catalog/analysis-cache';
import type { CatalogStore } from '../../catalog/catalog-store';
import type { CatalogSnapshot } from '../../catalog/snapshot';
import { screenDeclaration } from '../../screening/screen-declaration';
import { assertDeclaration, type DeclarationLimits } from '../declaration-schema';
import { screeningResponse } from '../map-decision';
import type { Metrics } from '../metrics';
import { HttpProblem } from '../problem';

export type ScreeningDeps = {
  store: CatalogStore;
  cache: AnalysisCache;
  metrics: Metrics;
  limits: DeclarationLimits;
  clock: () => Date;
};

/** The snapshot a request screens with: the one in force, or a past one named by `catalogVersion`. */
export async function snapshotForRequest(store: CatalogStore, version: unknown): Promise<CatalogSnapshot> {
  const current = store.current();
  if (!current) throw new HttpProblem('not-ready', 'Screening is refused until a valid catalog is loaded.');
  if (version === undefined) return current;
  if (typeof version !== 'string' || !/^[0-9a-f]{16}$/.test(version)) {
    throw new HttpProblem('invalid-request', 'catalogVersion must be a 16-digit hexadecimal catalog version.', [
      { pointer: '', field: 'catalogVersion', code: 'invalid_string', message: 'a 16-digit hexadecimal catalog version' },
    ]);
  }
  const past = await store.snapshotFor(version);
  if (!past) throw new HttpProblem('unknown-catalog-version', `Catalog version ${version} was never published here.`);
  return past;
}

export function screeningRoutes(deps: ScreeningDeps): Router {
  const router = Router();
  router.post('/v1/screenings', async (req, res) => {
    const snapshot = await snapshotForRequest(deps.store, req.query.catalogVersion);
    const tz = snapshot.settings.jurisdiction.timeZone;
    const declaration = assertDeclaration(req.body, deps.limits, tz, deps.clock());
    const decision = screenDeclaration(declaration, snapshot, { analyze: deps.cache.analyzerFor(snapshot) });
    deps.metrics.recordDecision(decision);
    const itemId = typeof req.body.itemId === 'string' ? req.body.itemId : undefined;
    res.json(screeningResponse(randomUUID(), decision, snapshot, itemId));
  });
  return router;
}

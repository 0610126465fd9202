import { Router } from 'express';
import type { CatalogStore } from '../../catalog/catalog-store';

/** Liveness (the process answers) and readiness (a valid catalog is loaded, so screening can decide). */
export function healthRoutes(store: CatalogStore): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const status = store.status();
    res.status(status.ready ? 200 : 503).json({ status: status.ready ? 'ready' : 'not-ready', catalog: status });
  });
  return router;
}

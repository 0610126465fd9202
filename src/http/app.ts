import { dirname, join, resolve } from 'node:path';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AnalysisCache } from '../catalog/analysis-cache';
import type { CatalogStore } from '../catalog/catalog-store';
import type { EntryEditor } from '../catalog/entry-editor';
import { BATCH_BYTES_PER_ITEM, type Config } from '../config';
import { apiDocument } from './api-document';
import type { Metrics } from './metrics';
import { failedLoginLimit, identifyOfficer, requireOfficer } from './middleware/admin-auth';
import { errorHandler, notFound } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { requestId } from './middleware/request-id';
import { requestLog } from './middleware/request-log';
import { HttpProblem, PROBLEMS, titlesOf, type ProblemType } from './problem';
import { adminRoutes } from './routes/admin';
import { batchRoutes } from './routes/batch';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { screeningRoutes } from './routes/screenings';

export type AppDeps = {
  config: Config;
  store: CatalogStore;
  editor: EntryEditor;
  cache: AnalysisCache;
  metrics: Metrics;
  logger: Logger;
  clock?: () => Date;
};

/** Addresses of the API and the methods they answer, for 405 with Allow. */
const ALLOWED: [RegExp, string][] = [
  [/^\/v1\/screenings\/?$/, 'POST'],
  [/^\/v1\/screenings\/batch\/?$/, 'POST'],
  [/^\/v1\/catalog\/?$/, 'GET'],
  [/^\/v1\/catalog\/entries\/[^/]+\/?$/, 'GET'],
  [/^\/v1\/countries\/?$/, 'GET'],
  [/^\/v1\/admin\/catalog\/entries\/[^/]+\/?$/, 'GET, PUT, DELETE'],
  [/^\/v1\/admin\/catalog\/audit\/?$/, 'GET'],
  [/^\/v1\/admin\/catalog\/reload\/?$/, 'POST'],
];

/** The project root, from src/http or dist/http alike. */
export const ROOT = resolve(__dirname, '..', '..');

function staticPages(app: Express, limits: Config['limits']): void {
  const examples = join(ROOT, 'examples');
  const pages = { index: 'index.html', fallthrough: true, maxAge: '5m' } as const;
  app.get('/', (_req, res) => res.redirect(302, '/lookup/'));
  app.use('/lookup', express.static(join(examples, 'lookup'), pages));
  app.use('/catalog', express.static(join(examples, 'catalog-page'), pages));
  app.use('/assets', express.static(join(examples, 'assets'), pages));
  app.use('/docs/swagger-ui', express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { fallthrough: true, maxAge: '1d' }));
  app.use('/docs', express.static(join(examples, 'docs'), pages));
  // Read once, on first request, with this deployment's limits in its schemas.
  let document: Promise<string> | undefined;
  app.get('/openapi.yaml', async (_req, res) => {
    document ??= apiDocument(join(ROOT, 'openapi', 'openapi.yaml'), limits);
    const text = await document.catch((err: NodeJS.ErrnoException) => {
      document = undefined;
      // No file (an image built without it) is not found; anything else is a fault, logged as one.
      if (err.code === 'ENOENT') throw new HttpProblem('not-found', 'The API document is not published here.');
      throw err;
    });
    res.type('application/yaml').send(text);
  });
}

/**
 * Builds the HTTP service around a catalog store: screening, catalog reading and administration,
 * health, metrics and the pages. Never listens; `server.ts` does.
 */
export function createApp(deps: AppDeps): Express {
  const { config, store, editor, cache, metrics, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  // ETags are the catalog entries' own (admin API); Express's body hashes would only confuse If-Match.
  app.set('etag', false);
  app.set('trust proxy', Array.isArray(config.trustProxy) ? [...config.trustProxy] : config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestId());
  app.use(requestLog(logger, metrics));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(cors({ origin: config.corsOrigins.length ? [...config.corsOrigins] : false, exposedHeaders: ['ETag', 'X-Request-Id'] }));

  // The API first: a screening passes the fewest layers on its way in.
  const limits = { items: config.limits.items, descriptionLength: config.limits.descriptionLength };
  app.use('/v1/screenings/batch', jsonBody(config.limits.batchItems * BATCH_BYTES_PER_ITEM));
  app.use('/v1', jsonBody(config.limits.bodyBytes));
  app.use(screeningRoutes({ store, cache, metrics, limits, clock }));
  app.use(batchRoutes({ store, cache, metrics, limits, clock, batch: config.limits }));
  app.use(catalogRoutes(store));
  app.use(
    '/v1/admin',
    identifyOfficer(config.adminTokens),
    failedLoginLimit(config.adminFailedLoginLimit),
    requireOfficer(config.adminTokens.length > 0, () => metrics.adminFailures.inc()),
  );
  app.use(adminRoutes({ store, editor, log: (obj, msg) => logger.info(obj, msg) }));

  app.use(healthRoutes(store));
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Swagger UI sets inline style attributes; its scripts stay same-origin only.
  app.use('/docs', helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"] },
  }));
  staticPages(app, config.limits);

  app.use((req, res, next) => {
    const allow = ALLOWED.find(([path]) => path.test(req.path))?.[1];
    if (!allow) return next();
    res.set('Allow', allow);
    next(new HttpProblem('method-not-allowed', `${req.method} is not served at ${req.path}; use ${allow}.`));
  });
  app.get('/problems/:type', (req, res, next) => {
    const type = req.params.type as ProblemType;
    if (!Object.hasOwn(PROBLEMS, type)) return next();
    const { status, title } = PROBLEMS[type];
    res.json({ type: `/problems/${type}`, status, title, titles: titlesOf(type) });
  });
  app.use('/v1', (req, _res, next) => next(new HttpProblem('not-found', `No API at ${req.method} ${req.originalUrl.split('?')[0]}.`)));
  app.use(notFound());
  app.use(errorHandler(logger));
  return app;
}

import type { Express } from 'express';
import pino, { type Logger } from 'pino';
import { AnalysisCache } from './catalog/analysis-cache';
import { CatalogStore } from './catalog/catalog-store';
import { EntryEditor } from './catalog/entry-editor';
import type { CatalogSnapshot } from './catalog/snapshot';
import { compactHeap } from './compact-heap';
import type { Config } from './config';
import { createApp } from './http/app';
import { createMetrics, type Metrics } from './http/metrics';
import { warmUp, warmUpDeclarations, type WarmUpOutcome } from './warm-up';

export type Service = {
  app: Express;
  store: CatalogStore;
  cache: AnalysisCache;
  metrics: Metrics;
  logger: Logger;
  /** The warm-up of the snapshot last published: null when warm-ups are off or it could not run. */
  warmedUp(): Promise<WarmUpOutcome | null>;
  close(): void;
};

/**
 * The log: JSON lines on standard output; the Authorization header can never reach it. Lines are
 * written asynchronously: under load, the lines that gather while one write is under way go out
 * together in the next, instead of one blocking write per request. pino flushes what is left when
 * the process exits.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'], censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * Wires the service from a configuration: catalog store (loaded once), editor, cache, metrics and
 * the Express app. Loading failures leave the service up but not ready (it refuses to screen).
 */
export async function createService(config: Config, options: { logger?: Logger; clock?: () => Date; defaultMetrics?: boolean } = {}): Promise<Service> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? (() => new Date());
  let metrics: Metrics | undefined;
  let closed = false;
  let warming: Promise<WarmUpOutcome | null> = Promise.resolve(null);
  // Each snapshot in force is warmed up in the background; a newer one stops the warm-up of the last.
  const warm = (snapshot: CatalogSnapshot) => {
    if (config.warmUpDeclarations === 0) return;
    const limits = { items: config.limits.items, descriptionLength: config.limits.descriptionLength };
    const current = () => !closed && store.current() === snapshot;
    warming = warmUpDeclarations(snapshot, config.catalogDir, config.warmUpDeclarations)
      .then((declarations) => warmUp(snapshot, declarations, { limits, now: clock, current }))
      .then((outcome) => {
        const { failed, ...figures } = outcome;
        logger.info({ ...figures, ms: Math.round(outcome.ms), failed: failed.length }, outcome.finished ? 'screening warmed up' : 'warm-up stopped');
        for (const f of failed.slice(0, 5)) logger.warn(f, 'a warm-up declaration could not be screened');
        return outcome;
      })
      .catch((err: Error) => {
        logger.warn({ err: err.message }, 'warm-up failed');
        return null;
      });
  };
  const store = new CatalogStore({
    catalogDir: config.catalogDir,
    historyDir: config.historyDir,
    clock: options.clock,
    logger,
    onReload: (outcome) => {
      if (!outcome.ok) metrics?.reloadFailures.inc();
    },
    onPublished: warm,
  });
  const cache = new AnalysisCache(config.cache);
  metrics = createMetrics({ store, cache, defaultMetrics: options.defaultMetrics });
  await store.reload('start');
  if (store.current()) {
    const { ms, heapTotalBefore, heapTotalAfter } = compactHeap();
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    logger.info({ ms: Math.round(ms), heapMbBefore: mb(heapTotalBefore), heapMbAfter: mb(heapTotalAfter) }, 'heap compacted after loading');
  }
  if (config.watchCatalog) store.watch();
  const editor = new EntryEditor(store);
  const app = createApp({ config, store, editor, cache, metrics, logger, clock: options.clock });
  return {
    app,
    store,
    cache,
    metrics,
    logger,
    warmedUp: () => warming,
    close() {
      closed = true;
      store.close();
      cache.close();
    },
  };
}

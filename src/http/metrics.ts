import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnalysisCache } from '../catalog/analysis-cache';
import type { CatalogStore } from '../catalog/catalog-store';
import type { Decision } from '../screening/types';

const MAX_ROUTE_LABELS = 64;

/** The service's Prometheus metrics, on a registry of its own (one per app, so tests do not share). */
export function createMetrics(deps: { store: CatalogStore; cache: AnalysisCache; defaultMetrics?: boolean }) {
  const registry = new Registry();
  if (deps.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const decisions = new Counter({
    name: 'screening_decisions_total',
    help: 'Consignment decisions by outcome.',
    labelNames: ['decision'],
    registers: [registry],
  });
  const items = new Counter({
    name: 'screening_items_total',
    help: 'Item decisions by outcome and matched catalog entry ("none" when nothing matched).',
    labelNames: ['decision', 'entry'],
    registers: [registry],
  });
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // A route label made from a raw path would let every hostile URL add a series: past a budget, "other".
  const routes = new Set<string>();
  const duration = {
    startTimer() {
      const end = histogram.startTimer();
      return (labels: { method: string; route: string; status: string }) => {
        let route = labels.route;
        if (!routes.has(route)) {
          if (routes.size < MAX_ROUTE_LABELS) routes.add(route);
          else route = 'other';
        }
        return end({ ...labels, route });
      };
    },
  };
  const reloadFailures = new Counter({
    name: 'catalog_reload_failures_total',
    help: 'Catalog reloads that failed validation (the last good catalog stayed in force).',
    registers: [registry],
  });
  const adminFailures = new Counter({
    name: 'admin_auth_failures_total',
    help: 'Admin requests refused for a missing or wrong token.',
    registers: [registry],
  });
  new Gauge({
    name: 'catalog_info',
    help: 'The catalog version in force (value 1), or none.',
    labelNames: ['version'],
    registers: [registry],
    collect() {
      this.reset();
      this.set({ version: deps.store.current()?.version ?? 'none' }, 1);
    },
  });
  new Gauge({
    name: 'catalog_ready',
    help: '1 when a valid catalog is loaded.',
    registers: [registry],
    collect() {
      this.set(deps.store.current() ? 1 : 0);
    },
  });
  for (const [name, help, pick] of [
    ['analysis_cache_hits', 'Item analyses answered from the cache.', (s: ReturnType<AnalysisCache['stats']>) => s.hits],
    ['analysis_cache_misses', 'Item analyses computed.', (s: ReturnType<AnalysisCache['stats']>) => s.misses],
    ['analysis_cache_keys', 'Item analyses held in the cache.', (s: ReturnType<AnalysisCache['stats']>) => s.keys],
  ] as const) {
    new Gauge({ name, help, registers: [registry], collect() { this.set(pick(deps.cache.stats())); } });
  }
  return {
    registry,
    reloadFailures,
    adminFailures,
    duration,
    recordDecision(decision: Decision) {
      decisions.inc({ decision: decision.decision });
      for (const item of decision.items) {
        const entry = item.matches.find((m) => m.ruleId)?.entryId ?? item.matches[0]?.entryId ?? 'none';
        items.inc({ decision: item.decision, entry });
      }
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

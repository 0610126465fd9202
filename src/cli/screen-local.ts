import { randomUUID } from 'node:crypto';
import { AnalysisCache } from '../catalog/analysis-cache';
import { loadCatalogSource } from '../catalog/load-catalog';
import { buildSnapshot } from '../catalog/snapshot';
import { parseDeclaration, type DeclarationLimits } from '../http/declaration-schema';
import { screeningResponse } from '../http/map-decision';
import { screenDeclaration } from '../screening/screen-declaration';
import { shownDir } from './catalog-command';
import type { LineResult } from './screen-manifest';

/** Screens chunks of manifest lines, here or on a service; one catalog version for the whole manifest. */
export type Screener = {
  readonly where: string;
  catalogVersion(): string | null;
  screen(lines: readonly { line: number; body: unknown }[]): Promise<LineResult[]>;
  close(): void;
};

/** The manifest cannot be screened at all (no valid catalog, service unreachable or refusing). */
export class CannotScreen extends Error {}

/**
 * Screens in this process with the catalog folder as the service would load it: the same loader,
 * validation, snapshot and core, and the answer the API gives for each declaration.
 */
export async function localScreener(
  catalogDir: string,
  options: { limits: DeclarationLimits; clock?: () => Date },
): Promise<Screener> {
  const loaded = await loadCatalogSource(catalogDir);
  if (!loaded.ok) {
    const lines = loaded.problems.slice(0, 20).map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''} ${p.field}: ${p.message}`);
    throw new CannotScreen(`the catalog in ${catalogDir} does not validate; nothing was screened:\n${lines.join('\n')}`);
  }
  const snapshot = buildSnapshot(loaded.source, new Date());
  const cache = new AnalysisCache({ maxKeys: 50_000, ttlSeconds: 3600 });
  const analyze = cache.analyzerFor(snapshot);
  const clock = options.clock ?? (() => new Date());
  const tz = snapshot.settings.jurisdiction.timeZone;
  const runId = randomUUID();
  return {
    where: `here with ${shownDir(catalogDir)}`,
    catalogVersion: () => snapshot.version,
    async screen(lines) {
      const now = clock();
      return lines.map(({ line, body }) => {
        const parsed = parseDeclaration(body, options.limits, tz, now);
        if ('errors' in parsed) return { line, errors: parsed.errors };
        const decision = screenDeclaration(parsed.declaration, snapshot, { analyze });
        const itemId = (body as { itemId?: unknown }).itemId;
        return { line, ...screeningResponse(`${runId}:${line}`, decision, snapshot, typeof itemId === 'string' ? itemId : undefined) };
      });
    },
    close: () => cache.close(),
  };
}

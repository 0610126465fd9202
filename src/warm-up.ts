import { readFile } from 'node:fs/promises';
import { goldenDeclaration, goldenPath, parseGolden } from './catalog/golden';
import type { CatalogSnapshot } from './catalog/snapshot';
import { parseDeclaration, type DeclarationLimits } from './http/declaration-schema';
import { screeningResponse } from './http/map-decision';
import { screenDeclaration } from './screening/screen-declaration';
import type { Declaration } from './screening/types';

/** What one warm-up did: how many declarations of how many it screened, in how long, and whether it ran to the end. */
export type WarmUpOutcome = {
  version: string;
  screened: number;
  of: number;
  /** Declarations that did not validate or could not be screened: each one would fail a request the same way. */
  failed: { description: string; error: string }[];
  ms: number;
  finished: boolean;
};

/** How long one turn of warming up holds the event loop before requests get theirs. */
export const WARM_UP_SLICE_MS = 4;

/**
 * The declarations a snapshot is warmed up with: the catalog folder's golden decisions, then every
 * entry's examples, each once, at most `max` of them taken evenly through the list. A golden file
 * that is missing or has bad lines gives what it can: the catalog test reports its problems.
 */
export async function warmUpDeclarations(snapshot: CatalogSnapshot, catalogDir: string, max: number): Promise<Declaration[]> {
  const timeZone = snapshot.settings.jurisdiction.timeZone;
  const file = goldenPath(catalogDir);
  const golden = await readFile(file, 'utf8').then(
    (text) => parseGolden(file, text).cases.map((c) => goldenDeclaration(c.golden, timeZone)),
    () => [],
  );
  const examples = snapshot.source.entries.flatMap((e) =>
    [...e.examples.reject, ...e.examples.review, ...e.examples.accept].map((x) => goldenDeclaration(typeof x === 'string' ? { description: x } : x, timeZone)),
  );
  const seen = new Set<string>();
  const all = [...golden, ...examples].filter((d) => {
    const key = JSON.stringify([d.date, d.event, d.origin, d.destination, d.items[0].description, d.items[0].hsCode ?? '']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (all.length <= max) return all;
  return Array.from({ length: max }, (_, k) => all[Math.floor((k * all.length) / max)]);
}

/** A declaration as counter software posts it. */
function bodyOf(d: Declaration) {
  return { date: d.date, event: d.event, origin: { country: d.origin }, destination: { country: d.destination }, documents: d.documents, items: d.items };
}

/**
 * Screens declarations the way a request does (validation, screening, the answer written out) with
 * a freshly published snapshot, a few milliseconds at a time, so that the first clerks after a start
 * or a catalog change do not wait for what a new snapshot and a new process do once: the matcher
 * remembers its readings of words per snapshot, and the JavaScript engine compiles the screening
 * path only once it has run. Nothing goes through the analysis cache or the metrics: they see only
 * real traffic. Stops early when `current()` turns false (a newer snapshot, or the service closing).
 */
export async function warmUp(
  snapshot: CatalogSnapshot,
  declarations: readonly Declaration[],
  options: { limits: DeclarationLimits; now: () => Date; current: () => boolean; sliceMs?: number },
): Promise<WarmUpOutcome> {
  const started = performance.now();
  const timeZone = snapshot.settings.jurisdiction.timeZone;
  const sliceMs = options.sliceMs ?? WARM_UP_SLICE_MS;
  const failed: WarmUpOutcome['failed'] = [];
  let screened = 0;
  while (screened < declarations.length && options.current()) {
    const until = performance.now() + sliceMs;
    do {
      const declaration = declarations[screened++];
      try {
        const parsed = parseDeclaration(bodyOf(declaration), options.limits, timeZone, options.now());
        if ('errors' in parsed) throw new Error(parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
        JSON.stringify(screeningResponse('warm-up', screenDeclaration(parsed.declaration, snapshot), snapshot));
      } catch (err) {
        failed.push({ description: declaration.items[0].description, error: (err as Error).message });
      }
    } while (screened < declarations.length && performance.now() < until);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { version: snapshot.version, screened, of: declarations.length, failed, ms: performance.now() - started, finished: screened === declarations.length };
}

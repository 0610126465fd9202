import { parseHsCode } from '../screening/hs-code';
import { analyzeItem } from '../screening/match-item';
import type { ExampleItem } from './schema';
import type { CatalogSnapshot } from './snapshot';

export type ExampleExpectation = 'reject' | 'review' | 'accept';

export type ExampleFailure = {
  entryId: string;
  expected: ExampleExpectation;
  description: string;
  hsCode?: string;
  got: ExampleExpectation;
  score: number;
};

function asItem(example: ExampleItem): { description: string; hsCode?: string } {
  return typeof example === 'string' ? { description: example } : example;
}

/** How the catalog's matching reads one example for one entry, at the catalog's thresholds. */
export function readExample(snapshot: CatalogSnapshot, entryId: string, example: ExampleItem) {
  const item = asItem(example);
  const { thresholds } = snapshot.settings.scoring;
  const analysis = analyzeItem(snapshot.index, snapshot.settings.scoring, item.description, item.hsCode ? parseHsCode(item.hsCode) ?? undefined : undefined);
  const signal = analysis.signals.find((s: { entryId: string }) => s.entryId === entryId);
  const score = signal?.score ?? 0;
  const got: ExampleExpectation =
    !signal || score < thresholds.review ? 'accept' : signal.hsConflict || score < thresholds.reject ? 'review' : 'reject';
  return { item, got, score };
}

/**
 * Runs every entry's own examples (must reject, must review, must accept) against a snapshot.
 * An empty list means the catalog reads its examples as its authors wrote them.
 */
export function checkExamples(snapshot: CatalogSnapshot, onlyEntry?: string): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const entry of snapshot.source.entries) {
    if (onlyEntry && entry.id !== onlyEntry) continue;
    for (const expected of ['reject', 'review', 'accept'] as const) {
      for (const example of entry.examples[expected]) {
        const { item, got, score } = readExample(snapshot, entry.id, example);
        if (got !== expected) failures.push({ entryId: entry.id, expected, ...item, got, score });
      }
    }
  }
  return failures;
}

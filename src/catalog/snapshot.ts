import { createHash } from 'node:crypto';
import { buildMatchIndex } from '../screening/match-index';
import type { ScreeningCatalog } from '../screening/screen-declaration';
import type { RestrictedEntry } from '../screening/types';
import { commonWords } from './common-words';
import type { EntryFile, SettingsFile } from './schema';

/** A catalog as data: what the files say, validated. */
export type CatalogSource = { settings: SettingsFile; entries: EntryFile[] };

/** An immutable, indexed catalog that screenings read; replaced whole on reload. */
export type CatalogSnapshot = ScreeningCatalog & {
  source: CatalogSource;
  /** ISO instant the snapshot was built. */
  builtAt: string;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A hash of a value's content with keys in a fixed order: layout and comments never count. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex').slice(0, 16);
}

/** The content version of a catalog: a hash of its normalized content, not of file bytes or comments. */
export function catalogVersion(source: CatalogSource): string {
  const entries = [...source.entries].sort((a, b) => a.id.localeCompare(b.id));
  return contentHash({ settings: source.settings, entries });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function toEntry(e: EntryFile): RestrictedEntry {
  const { examples: _examples, ...entry } = e;
  return entry;
}

/** Builds the indexed, frozen snapshot of a validated catalog. */
export function buildSnapshot(source: CatalogSource, builtAt: Date): CatalogSnapshot {
  const entries = [...source.entries].sort((a, b) => a.id.localeCompare(b.id)).map(toEntry);
  const index = buildMatchIndex(entries, source.settings, commonWords());
  deepFreeze(source);
  deepFreeze(entries);
  return Object.freeze({
    version: catalogVersion(source),
    settings: source.settings,
    entries,
    index,
    source,
    builtAt: builtAt.toISOString(),
  });
}

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

// By code units, never by the process locale: replicas with different LANG must agree on the version
// (under Czech collation "ch" sorts after "h", under Lithuanian "y" before "j").
type ById = (a: { id: string }, b: { id: string }) => number;
const byId: ById = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The order versions were hashed in before: the process locale's. Only to recognise archived versions. */
export const byLocale: ById = (a, b) => a.id.localeCompare(b.id);

/**
 * The content version of a catalog: a hash of its normalized content, not of file bytes or comments.
 * It is `contentHash({ settings, entries })` with entries by id, hashed entry by entry rather than as
 * one copy and one text of the whole catalog.
 */
export function catalogVersion(source: CatalogSource, order: ById = byId): string {
  const entries = [...source.entries].sort(order);
  const hash = createHash('sha256').update('{"entries":[');
  entries.forEach((entry, i) => hash.update(`${i ? ',' : ''}${JSON.stringify(canonical(entry)) ?? 'null'}`));
  hash.update(source.settings === undefined ? ']}' : `],"settings":${JSON.stringify(canonical(source.settings))}}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Freezes a value and everything in it. Equal strings are made one string on the way: entry files
 * repeat the same legal basis, qualifiers and look-alikes, and each file's copy would stay in memory
 * (about 6 MB at 10,000 entries).
 */
function deepFreeze<T>(value: T, strings = new Map<string, string>()): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const one = (s: string) => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = one(v);
      else if (typeof v === 'object') deepFreeze(v, strings);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'string') record[key] = one(v);
      else if (typeof v === 'object') deepFreeze(v, strings);
    }
  }
  return Object.freeze(value);
}

function toEntry(e: EntryFile): RestrictedEntry {
  const { examples: _examples, ...entry } = e;
  return entry;
}

/**
 * Builds the indexed, frozen snapshot of a validated catalog. `version`, when the caller has just
 * computed it, must be `catalogVersion(source)`.
 */
export function buildSnapshot(source: CatalogSource, builtAt: Date, version: string = catalogVersion(source)): CatalogSnapshot {
  // Frozen (and its equal strings shared) before the index takes its words from it.
  deepFreeze(source);
  const entries = [...source.entries].sort(byId).map(toEntry);
  const index = buildMatchIndex(entries, source.settings, commonWords());
  deepFreeze(entries);
  return Object.freeze({
    version,
    settings: source.settings,
    entries,
    index,
    source,
    builtAt: builtAt.toISOString(),
  });
}

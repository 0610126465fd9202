/** Plain-word building blocks for `catalog diff`: values, lists and fields as an officer reads them. */

const SHOWN_WORDS = 5;

/** A value as text: strings quoted and cut when long, lists joined, nothing as "unset". */
export function show(value: unknown): string {
  if (value === undefined) return 'unset';
  if (value === null) return 'none';
  if (typeof value === 'string') return `"${value.length > 70 ? `${value.slice(0, 67)}…` : value}"`;
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Each changed leaf of two values: `label: now X (was Y)`. Objects are walked; lists and scalars
 * compare whole. `label` turns a dotted path into words; `skip` leaves fields to a finer describer.
 */
export function fieldChanges(
  before: unknown,
  after: unknown,
  options: { path?: string[]; label?: (path: string) => string; skip?: readonly string[] } = {},
): string[] {
  const path = options.path ?? [];
  const label = options.label ?? ((p: string) => p);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !options.skip?.includes(k));
    return keys.flatMap((k) => fieldChanges(before[k], after[k], { path: [...path, k], label }));
  }
  if (same(before, after)) return [];
  const name = label(path.join('.'));
  if (before === undefined) return [`${name} set to ${show(after)}`];
  if (after === undefined) return [`${name} removed (was ${show(before)})`];
  return [`${name}: now ${show(after)} (was ${show(before)})`];
}

function some(words: string[]): string {
  const head = words.slice(0, SHOWN_WORDS).map((w) => `"${w}"`).join(', ');
  return words.length > SHOWN_WORDS ? `${head} and ${words.length - SHOWN_WORDS} more` : head;
}

/** How a word list changed: counts, with the first few words, or null when it did not. */
export function listChange(name: string, before: readonly string[] = [], after: readonly string[] = []): string | null {
  const had = new Set(before);
  const has = new Set(after);
  const added = [...has].filter((w) => !had.has(w));
  const removed = [...had].filter((w) => !has.has(w));
  if (!added.length && !removed.length) return null;
  const parts = [
    added.length ? `${added.length} added (${some(added)})` : '',
    removed.length ? `${removed.length} removed (${some(removed)})` : '',
  ].filter(Boolean);
  return `${name}: ${parts.join(', ')}`;
}

/** Items of two lists matched by a key: which were added, removed, or are in both. */
export function byKey<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const a = new Map(before.map((t) => [key(t), t]));
  const b = new Map(after.map((t) => [key(t), t]));
  return {
    added: [...b].filter(([k]) => !a.has(k)).map(([, t]) => t),
    removed: [...a].filter(([k]) => !b.has(k)).map(([, t]) => t),
    both: [...b].filter(([k]) => a.has(k)).map(([k, t]) => [a.get(k)!, t] as const),
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

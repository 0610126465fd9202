import type { EntryFile, ExampleItem } from '../catalog/schema';
import { rulesChanges, ruleSummary } from './catalog-diff-rule';
import { byKey, fieldChanges, listChange, plural } from './catalog-diff-text';

const LANGS = ['vi', 'en', 'fr', 'other'] as const;
const WORD_LISTS = ['terms', 'heads', 'qualifiers', 'lookalikes', 'lookalikesToCheck', 'lookalikesUnderCode'] as const;
const KNOWN = ['id', 'match', 'hsCodes', 'rules', 'examples'];

/** An entry as the officer knows it: its id and its Vietnamese name. */
export function entryTitle(e: EntryFile): string {
  return `${e.id} (${e.names.vi})`;
}

function wordCount(e: EntryFile): number {
  const lists = WORD_LISTS.flatMap((l) => LANGS.map((lang) => e.match[l]?.[lang]?.length ?? 0));
  return lists.reduce((n, c) => n + c, e.match.brands.length);
}

export function entryAdded(e: EntryFile): string {
  const rules = e.rules.map((r) => `${r.id}: ${ruleSummary(r)}`).join(' | ');
  return `+ entry ${entryTitle(e)} added, "${e.names.en}": ${plural(wordCount(e), 'match word')}, ${plural(e.hsCodes.length, 'HS code')}, ${plural(e.rules.length, 'rule')} (${rules})`;
}

export function entryRemoved(e: EntryFile): string {
  return `− entry ${entryTitle(e)} removed, "${e.names.en}", with ${plural(e.rules.length, 'rule')} (${e.rules.map((r) => r.id).join(', ')})`;
}

function vocabularyChanges(a: EntryFile['match'], b: EntryFile['match']): string[] {
  const lines = WORD_LISTS.flatMap((list) => LANGS.map((lang) => listChange(`match ${list} (${lang})`, a[list]?.[lang], b[list]?.[lang])));
  lines.push(listChange('match brands', a.brands, b.brands));
  return lines.filter((l): l is string => l !== null);
}

function hsChanges(a: EntryFile['hsCodes'], b: EntryFile['hsCodes']): string[] {
  const codes = byKey(a, b, (h) => h.code);
  return [
    ...codes.added.map((h) => `HS code ${h.code} added (${h.strength})${h.note ? `: ${h.note}` : ''}`),
    ...codes.removed.map((h) => `HS code ${h.code} removed (was ${h.strength})`),
    ...codes.both.flatMap(([x, y]) => [
      ...(x.strength !== y.strength ? [`HS code ${x.code} now ${y.strength} (was ${x.strength})`] : []),
      ...fieldChanges(x, y, { skip: ['code', 'strength'], label: (p) => `HS code ${x.code} ${p}` }),
    ]),
  ];
}

function exampleText(e: ExampleItem): string {
  return typeof e === 'string' ? e : e.hsCode ? `${e.description} [HS ${e.hsCode}]` : e.description;
}

function exampleChanges(a: EntryFile['examples'], b: EntryFile['examples']): string[] {
  return (['reject', 'review', 'accept'] as const)
    .map((k) => listChange(`examples that must ${k}`, a[k].map(exampleText), b[k].map(exampleText)))
    .filter((l): l is string => l !== null);
}

/** Every change in one entry kept under the same id, in plain words. */
export function entryChanges(a: EntryFile, b: EntryFile): string[] {
  return [
    ...rulesChanges(a.id, a.rules, b.rules),
    ...hsChanges(a.hsCodes, b.hsCodes),
    ...vocabularyChanges(a.match, b.match),
    ...fieldChanges(a.match, b.match, { skip: [...WORD_LISTS, 'brands'], label: (p) => `match ${p}` }),
    ...exampleChanges(a.examples, b.examples),
    ...fieldChanges(a, b, { skip: KNOWN }),
  ];
}

import type { SettingsFile } from '../catalog/schema';
import { byKey, fieldChanges, listChange } from './catalog-diff-text';

const LANGS = ['vi', 'en', 'fr', 'other'] as const;

function scoringLabel(path: string): string {
  const [group, name] = path.split('.');
  if (group === 'thresholds') return `score needed to ${name}`;
  if (group === 'weights') return `scoring weight "${name}"`;
  return `scoring ${path}`;
}

function abbreviationChanges(a: Record<string, string> = {}, b: Record<string, string> = {}): string[] {
  const pairs = byKey(Object.entries(a), Object.entries(b), ([k]) => k);
  return [
    ...pairs.added.map(([k, v]) => `abbreviation "${k}" added, for "${v}"`),
    ...pairs.removed.map(([k, v]) => `abbreviation "${k}" removed (stood for "${v}")`),
    ...pairs.both.filter(([x, y]) => x[1] !== y[1]).map(([x, y]) => `abbreviation "${x[0]}" now stands for "${y[1]}" (was "${x[1]}")`),
  ];
}

/** What changed in catalog.yaml: thresholds, weights, vague words, accessories, abbreviations, jurisdiction. */
export function settingsChanges(a: SettingsFile, b: SettingsFile): string[] {
  const names = {
    terms: 'vague words',
    fillers: 'filler words',
    titles: 'title labels',
    undisclosed: 'undisclosed-contents phrases',
    negations: 'negations',
    kinds: 'kinds of goods',
    describers: 'describing words',
    forSomeone: 'general wording for someone',
  } as const;
  const vague = (['terms', 'fillers', 'titles', 'undisclosed', 'negations', 'kinds', 'describers', 'forSomeone'] as const).flatMap((list) =>
    LANGS.map((lang) => listChange(`${names[list]} (${lang})`, a.vague[list]?.[lang], b.vague[list]?.[lang])),
  );
  const accessories = LANGS.map((lang) => listChange(`accessories (${lang})`, a.accessories?.[lang], b.accessories?.[lang]));
  const loose = (s: SettingsFile) => s as unknown as Record<string, unknown>;
  return [
    ...fieldChanges(a.scoring, b.scoring, { label: scoringLabel }),
    ...[...vague, ...accessories].filter((l): l is string => l !== null),
    ...abbreviationChanges(loose(a).abbreviations as Record<string, string>, loose(b).abbreviations as Record<string, string>),
    ...fieldChanges(a, b, { skip: ['scoring', 'vague', 'accessories', 'abbreviations'] }),
  ];
}

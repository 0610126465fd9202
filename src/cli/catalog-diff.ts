import { loadCatalogSource } from '../catalog/load-catalog';
import { catalogVersion, type CatalogSource } from '../catalog/snapshot';
import { result, shownDir, type CommandResult } from './catalog-command';
import { entryAdded, entryChanges, entryRemoved, entryTitle } from './catalog-diff-entry';
import { settingsChanges } from './catalog-diff-settings';
import { byKey } from './catalog-diff-text';
import { formatProblem } from './catalog-validate';

/** The changes from catalog A to catalog B as paragraphs of plain lines, empty when they agree. */
export function describeChanges(a: CatalogSource, b: CatalogSource): string[] {
  const entries = byKey(a.entries, b.entries, (e) => e.id);
  const lines: string[] = [];
  if (entries.added.length || entries.removed.length) {
    lines.push('Entries:', ...entries.added.map((e) => `  ${entryAdded(e)}`), ...entries.removed.map((e) => `  ${entryRemoved(e)}`), '');
  }
  for (const [x, y] of [...entries.both].sort(([p], [q]) => p.id.localeCompare(q.id))) {
    const changes = entryChanges(x, y);
    if (changes.length) lines.push(`${entryTitle(y)}:`, ...changes.map((l) => `  ${l}`), '');
  }
  const settings = settingsChanges(a.settings, b.settings);
  if (settings.length) lines.push('Settings (catalog.yaml):', ...settings.map((l) => `  ${l}`), '');
  return lines;
}

/** `diff A B`: what an officer would see change, going from catalog folder A to catalog folder B. */
export async function diffCommand(dirA: string, dirB: string): Promise<CommandResult> {
  const [a, b] = await Promise.all([loadCatalogSource(dirA), loadCatalogSource(dirB)]);
  if (!a.ok || !b.ok) {
    const problems = [...(a.ok ? [] : a.problems), ...(b.ok ? [] : b.problems)];
    return result(1, [], [...problems.map(formatProblem), 'Only valid catalogs can be compared; run validate on each.']);
  }
  const [va, vb] = [catalogVersion(a.source), catalogVersion(b.source)];
  const head = `From ${shownDir(dirA)} (version ${va}) to ${shownDir(dirB)} (version ${vb}):`;
  const lines = describeChanges(a.source, b.source);
  if (!lines.length) return result(0, [head, va === vb ? 'No differences: both catalogs have the same content.' : 'No differences an officer would see.']);
  return result(0, [head, '', ...lines.slice(0, -1)]);
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { loadCatalogSource, type LoadResult } from '../catalog/load-catalog';
import type { CatalogProblem } from '../catalog/parse-file';
import { catalogVersion } from '../catalog/snapshot';
import { goldenPath, result, shown, shownDir, type CommandResult } from './catalog-command';
import { readGolden } from './catalog-golden';

// zod's wording, said the way an officer filling a scaffold needs it.
const PLAIN: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters$/, 'is empty: fill it in'],
  [/^Too small: expected array to have >=1 items$/, 'needs at least one item'],
];

function plain(message: string): string {
  const hit = PLAIN.find(([re]) => re.test(message));
  return hit ? hit[1] : message;
}

/** `file:line:column field: message`, the form editors and terminals turn into a link. */
export function formatProblem(p: CatalogProblem): string {
  const where = p.line ? `${shown(p.file)}:${p.line}:${p.column ?? 1}` : shown(p.file);
  return p.field ? `${where} ${p.field}: ${plain(p.message)}` : `${where}: ${plain(p.message)}`;
}

/** Every problem of the catalog folder and its golden file, each placed where the officer can find it. */
export async function catalogProblems(dir: string): Promise<{ loaded: LoadResult; problems: CatalogProblem[] }> {
  const loaded = await loadCatalogSource(dir);
  const problems = loaded.ok ? [] : [...loaded.problems];
  if (existsSync(goldenPath(dir))) problems.push(...(await readGolden(goldenPath(dir))).problems);
  return { loaded, problems };
}

/** `validate [dir]`: every problem of every file at once; the content version when there is none. */
export async function validateCommand(dir: string): Promise<CommandResult> {
  const { loaded, problems } = await catalogProblems(dir);
  if (problems.length > 0 || !loaded.ok) {
    const files = new Set(problems.map((p) => p.file)).size;
    const summary = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; the service keeps its last good catalog until they are fixed.`;
    return result(1, [], [...problems.map(formatProblem), summary]);
  }
  const { entries } = loaded.source;
  return result(0, [
    `${shownDir(dir)} is valid: ${entries.length} entries (${entries.map((e) => e.id).join(', ')}), ` +
      `${entries.reduce((n, e) => n + e.rules.length, 0)} rules.`,
    `content version ${catalogVersion(loaded.source)}`,
  ]);
}

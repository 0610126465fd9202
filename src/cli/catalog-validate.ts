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

// Cross-file problems (an id that clashes with the file name) come without a position; find the field.
async function locate(p: CatalogProblem): Promise<CatalogProblem> {
  if (p.line || !p.field || !/\.ya?ml$/.test(p.file)) return p;
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(await readFile(p.file, 'utf8'), { lineCounter });
    let node: unknown = doc.contents;
    for (const key of p.field.split('.')) {
      if (isMap(node)) node = node.items.find((pair) => String((pair.key as { value?: unknown })?.value) === key)?.value;
      else if (isSeq(node)) node = node.items[Number(key)];
      else break;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) return p;
    const pos = lineCounter.linePos(range[0]);
    return { ...p, line: pos.line, column: pos.col };
  } catch {
    return p;
  }
}

// The loader compares ids with file names only in files that pass the schema; say it now, not next round.
async function idProblems(problems: CatalogProblem[]): Promise<CatalogProblem[]> {
  const broken = [...new Set(problems.map((p) => p.file))].filter((f) => /\/entries\/[^/]+\.ya?ml$/.test(f));
  const found: CatalogProblem[] = [];
  for (const file of broken) {
    if (problems.some((p) => p.file === file && p.field === 'id')) continue;
    const doc = parseDocument(await readFile(file, 'utf8').catch(() => ''));
    const id = doc.errors.length ? undefined : (doc.toJS() as { id?: unknown } | null)?.id;
    const stem = basename(file).replace(/\.ya?ml$/, '');
    if (typeof id === 'string' && id !== stem) found.push(await locate({ file, field: 'id', message: `id "${id}" must match the file name "${stem}"` }));
  }
  return found;
}

/** Every problem of the catalog folder and its golden file, each placed where the officer can find it. */
export async function catalogProblems(dir: string): Promise<{ loaded: LoadResult; problems: CatalogProblem[] }> {
  const loaded = await loadCatalogSource(dir);
  const problems = loaded.ok ? [] : await Promise.all(loaded.problems.map(locate));
  problems.push(...(await idProblems(problems)));
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

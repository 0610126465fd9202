import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

export const ROOT = resolve(__dirname, '..', '..');
export const BUNDLED = join(ROOT, 'catalog');

const copies: string[] = [];

/** A private copy of the bundled catalog; removed by `removeCopies` after the suite. */
export async function catalogCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'catalog-cli-')), 'catalog');
  await cp(BUNDLED, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((d) => rm(resolve(d, '..'), { recursive: true, force: true })));
}

/** Sets one field of a YAML catalog file by path, keeping its comments, as an officer's edit would. */
export async function setIn(dir: string, file: string, path: (string | number)[], value: unknown): Promise<void> {
  const doc = parseDocument(await readFile(join(dir, file), 'utf8'));
  if (!doc.hasIn(path.slice(0, -1))) throw new Error(`${file} has no ${path.slice(0, -1).join('.')}`);
  doc.setIn(path, value);
  await writeFile(join(dir, file), doc.toString());
}

/** Edits a YAML catalog file as data (for changes that add or remove list items). */
export async function editYaml(dir: string, file: string, edit: (value: any) => void): Promise<void> {
  const doc = parseDocument(await readFile(join(dir, file), 'utf8'));
  const value = doc.toJS();
  edit(value);
  await writeFile(join(dir, file), parseDocument(JSON.stringify(value)).toString());
}

import { isAbsolute, relative, resolve } from 'node:path';

/** What a catalog command hands back: its lines and its exit code, so tests need no child process. */
export type CommandResult = { code: number; out: string[]; err: string[] };

/** The bundled catalog, wherever the command is started from. */
export const DEFAULT_CATALOG_DIR = resolve(__dirname, '..', '..', 'catalog');

export { GOLDEN_FILE, goldenPath } from '../catalog/golden';
export const SCHEMA_DIR = 'schema';

export function result(code: number, out: string[] = [], err: string[] = []): CommandResult {
  return { code, out, err };
}

/** A path as the officer's terminal can open it: relative when under the working folder. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A folder as shown to the officer, with a trailing slash so it reads as a folder. */
export function shownDir(dir: string): string {
  const s = shown(dir);
  return s.endsWith('/') ? s : `${s}/`;
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve(__dirname, '..', '..', 'dist');

/**
 * A module of the service as `npm start` runs it: the tsc build in dist/, typed by its source. The
 * in-process figures must be those of the code that is served; tsx's transpile of src/ runs the
 * matcher about a third slower (every call across modules goes through an export getter).
 */
export function built<T>(module: string): T {
  const file = join(DIST, `${module}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (or npm run bench without --no-build)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

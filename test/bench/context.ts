import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** What every section of the bench shares: options and the catalogs written for this run. */
export type BenchContext = {
  tmp: string;
  /** The bundled catalog first, then generated ones, smallest first. */
  catalogs: { name: string; dir: string; entries: number }[];
  seconds: number;
  rounds: number;
  connections: number;
};

/** A new, empty history folder, so each server publishes its catalog as on a first start. */
export function freshHistory(ctx: BenchContext, name: string): string {
  return mkdtempSync(join(ctx.tmp, `history-${name.replace(/[^a-z0-9]+/gi, '-')}-`));
}

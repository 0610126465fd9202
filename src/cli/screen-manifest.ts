import { readFile } from 'node:fs/promises';
import type { FieldError } from '../http/problem';

/** One non-empty line of a manifest: a declaration to screen, or why it cannot be one. */
export type ManifestLine = { line: number; body: unknown } | { line: number; errors: FieldError[] };

/** A line that was not screened, and the fields why. */
export type InvalidLine = { line: number; errors: FieldError[] };
/** A screened line: the service's answer to the declaration, with its line number. */
export type ScreenedLine = { line: number; decision: string; items?: { decision: string }[] } & { [field: string]: unknown };
/** What one line came to: the screening answer, or the fields that kept it from being screened. */
export type LineResult = InvalidLine | ScreenedLine;

export const isInvalid = (r: LineResult): r is InvalidLine => Array.isArray((r as InvalidLine).errors);

export class UnreadableManifest extends Error {}

/**
 * Reads a manifest: one declaration as JSON per line (JSON Lines), blank lines skipped, line numbers
 * counted from 1. A line that is not JSON becomes its own error, so the others still get screened.
 * @see https://jsonlines.org/
 */
export async function readManifest(file: string): Promise<ManifestLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UnreadableManifest(`cannot read ${file}: ${(err as Error).message}`);
  }
  const lines: ManifestLine[] = [];
  text.split('\n').forEach((raw, k) => {
    const source = raw.replace(/^\uFEFF/, '').trim();
    if (!source) return;
    try {
      lines.push({ line: k + 1, body: JSON.parse(source) });
    } catch (err) {
      const message = `not a JSON declaration: ${(err as Error).message}`;
      lines.push({ line: k + 1, errors: [{ pointer: '', field: '(line)', code: 'invalid_json', message }] });
    }
  });
  return lines;
}

/** How many items a declaration claims, for sizing chunks as the batch endpoint counts them. */
export function itemCount(body: unknown): number {
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

/**
 * Splits manifest lines into chunks the batch endpoint accepts: at most `declarations` lines and
 * `items` items each (a lone oversized declaration gets a chunk of its own, and the service says why).
 */
export function chunked(lines: readonly ManifestLine[], limits: { declarations: number; items: number }): ManifestLine[][] {
  const chunks: ManifestLine[][] = [];
  let current: ManifestLine[] = [];
  let declarations = 0;
  let items = 0;
  for (const l of lines) {
    const n = 'body' in l ? itemCount(l.body) : 0;
    const counts = 'body' in l ? 1 : 0;
    if (current.length > 0 && (declarations + counts > limits.declarations || items + n > limits.items)) {
      chunks.push(current);
      current = [];
      declarations = 0;
      items = 0;
    }
    current.push(l);
    declarations += counts;
    items += n;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

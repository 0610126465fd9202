import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a catalog file, where an officer can find it. */
export type CatalogProblem = {
  file: string;
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `rules.0.effective.to`. */
  field: string;
  message: string;
};

/** On failure, `raw` is what the YAML says when it parses at all, for checks that need no schema. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: CatalogProblem[]; raw?: unknown };

function nodeAt(root: Node | null | undefined, path: readonly PropertyKey[]): Node | null {
  let node: unknown = root;
  let found: Node | null = (root as Node) ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
    } else break;
    if (node) found = node as Node;
  }
  return found;
}

/** Line and column of a field (dotted path) in a YAML source, when it can be found. */
export function positionOf(source: string, field: string): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const node = nodeAt(doc.contents as Node, field ? field.split('.') : []);
  if (!node?.range) return undefined;
  const pos = lineCounter.linePos(node.range[0]);
  return { line: pos.line, column: pos.col };
}

/**
 * Parses one YAML (or JSON) catalog file and validates it with a zod schema, reporting every
 * problem at once with its line and field.
 */
export function parseCatalogFile<S extends z.ZodType>(file: string, source: string, schema: S): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, field: '', message: e.message.split('\n')[0] };
      }),
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 });
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    raw,
    problems: result.error.issues.map((issue) => {
      const node = nodeAt(doc.contents as Node, issue.path);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      return { file, line: pos?.line, column: pos?.col, field: issue.path.join('.'), message: issue.message };
    }),
  };
}

import {
  boolCoreTag,
  defineMappingTag,
  defineScalarTag,
  floatCoreTag,
  intCoreTag,
  load,
  mapTag,
  NOT_RESOLVED,
  nullCoreTag,
  Schema,
  seqTag,
  strTag,
  type ScalarTagDefinition,
} from 'js-yaml';
import type { Node } from 'yaml';
import type { z } from 'zod';
import { yamlLib } from './yaml-lib';

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
  const { isMap, isSeq } = yamlLib();
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
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const node = nodeAt(doc.contents as Node, field ? field.split('.') : []);
  if (!node?.range) return undefined;
  const pos = lineCounter.linePos(node.range[0]);
  return { line: pos.line, column: pos.col };
}

// The fast path reads YAML 1.2 (core schema) with js-yaml, several times faster than a `yaml` Document
// and keeping no syntax tree. It gives up (and the file goes to the exact path below, with its lines and
// columns) on whatever it might read differently from `yaml`, as differential tests found: directives,
// document markers but a first `---`, tabs in indentation, escaped line breaks, block scalars with an
// indentation indicator or kept final line breaks, a byte order mark, anchors, aliases and tags, text right after a quoted or
// bracketed sequence item, keys that are not strings, numbers too large to be finite.
const INT = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$/;
const FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const LEFT_TO_YAML = /^%|^[ ?:-]*\t|\\\r?$|[|>](?:[-+]?[1-9]|[1-9]?\+)|\ufeff|(?:^|[\s[\]{},:?-])[&!*]/m;
const MARKER = /^[ \t]*(?:---|\.\.\.)/gm;
const LEADING_MARKER = /^(?:[ \t]*(?:#.*)?\r?\n)*---(?:[ \t]+#.*)?[ \t]*\r?\n/;
const QUOTED_ITEM = /^[ \t]*(?:-[ \t]+)+(?=['"[{])/gm;
const AFTER_ITEM = /^(?::(?:[ \t].*)?|(?:[ \t]+#.*)?[ \t]*)\r?$/;

/** Where the quoted scalar or flow collection opening at `at` ends on its line, or -1. */
function nodeEnd(line: string, at: number): number {
  const open = line[at];
  for (let i = at + 1, depth = 1; i < line.length; i++) {
    const c = line[i];
    if (open === "'") {
      if (c === "'" && line[i + 1] === "'") i++;
      else if (c === "'") return i + 1;
    } else if (open === '"') {
      if (c === '\\') i++;
      else if (c === '"') return i + 1;
    } else if (c === "'" || c === '"') {
      const end = nodeEnd(line, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i + 1;
  }
  return -1;
}

/** Whether js-yaml reads the file just as `yaml` does, as far as a look at the text can tell. */
function plainEnough(source: string): boolean {
  if (LEFT_TO_YAML.test(source)) return false;
  // Document markers: only a lone `---` line opening the file.
  const markers = source.match(MARKER);
  if (markers && !(markers.length === 1 && LEADING_MARKER.test(source))) return false;
  // js-yaml reads `- 'a' b: c` under a key as an item and a key of the mapping above; `yaml` refuses it.
  for (const item of source.matchAll(QUOTED_ITEM)) {
    const start = item.index + item[0].length;
    const eol = source.indexOf('\n', start);
    const line = source.slice(start, eol < 0 ? source.length : eol);
    const end = nodeEnd(line, 0);
    if (end < 0 || !AFTER_ITEM.test(line.slice(end))) return false;
  }
  return true;
}

/** `yaml` reads 1e999 as Infinity where js-yaml keeps the text: leave such a number to `yaml`. */
function finiteOnly(tag: ScalarTagDefinition<number>, pattern: RegExp): ScalarTagDefinition<number> {
  return defineScalarTag(tag.tagName, {
    implicit: tag.implicit,
    implicitFirstChars: tag.implicitFirstChars,
    identify: tag.identify,
    represent: tag.represent,
    resolve: (source, isExplicit, tagName) => {
      const value = tag.resolve(source, isExplicit, tagName);
      if (value === NOT_RESOLVED && pattern.test(source)) throw new Error('a number beyond the fast path');
      return value;
    },
  });
}

/** `yaml` turns any key into a string; js-yaml does it differently for null, numbers and collections. */
const stringKeyedMap = defineMappingTag(mapTag.tagName, {
  create: mapTag.create,
  has: mapTag.has,
  keys: mapTag.keys,
  get: mapTag.get,
  identify: mapTag.identify,
  addPair: (map, key, value) => (typeof key === 'string' ? mapTag.addPair(map, key, value) : 'a key that is not a string'),
});

const FAST_SCHEMA = new Schema([strTag, seqTag, stringKeyedMap, nullCoreTag, boolCoreTag, finiteOnly(intCoreTag, INT), finiteOnly(floatCoreTag, FLOAT)]);

function quickParse(source: string): { value: unknown } | null {
  if (!plainEnough(source)) return null;
  try {
    return { value: load(source, { schema: FAST_SCHEMA, maxAliases: 0 }) };
  } catch {
    return null;
  }
}

/**
 * A copy that shares nothing with the file: strings cut from a source text keep the whole text alive.
 * Validated values are plain (strings, finite numbers, booleans, null, arrays, objects), so JSON
 * copies them exactly, into compact objects.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const DIGIT_COMMA_DIGIT = /\d,\d/;

/** Whether a YAML value may start at `at`: first on its line, after a key's colon or an item's dash, or inside brackets after one. */
function valueStarts(source: string, lineStart: number, at: number, depth: number): boolean {
  const before = source.slice(lineStart, at).trimEnd();
  if (before === '' || /(?:^|\s)-$/.test(before) || /:$/.test(before)) return true;
  return depth > 0 && /[[{,]$/.test(before);
}

/**
 * Decimal commas inside a bracketed list: there YAML reads "élimine 99,9 % des virus" as two phrases,
 * "élimine 99" and "9 % des virus", and the officer's phrase would be lost without a word. Quoted
 * text and comments are skipped.
 */
function numbersSplitInFlow(file: string, source: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]))) {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where a value starts; "l'eau" is plain text.
      if (valueStarts(source, lineStart, i, depth)) {
        const end = source.indexOf(c, i + 1);
        if (end < 0) break;
        for (let k = i + 1; k < end; k++) if (source[k] === '\n') (line++, (lineStart = k + 1));
        i = end;
      }
    } else if (c === '[' || c === '{') {
      // So does a bracket: "note: gloves [size 7,5]" is one plain string.
      if (depth > 0 || valueStarts(source, lineStart, i, depth)) depth++;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth > 0 && /\d/.test(source[i - 1] ?? '') && /\d/.test(source[i + 1] ?? '')) {
      problems.push({
        file,
        line,
        column: i - lineStart + 1,
        field: '',
        message: 'In a [bracketed] list a comma ends the phrase: a decimal comma splits it in two. Quote the phrase ("élimine 99,9 % des virus") or write the list one "- item" per line.',
      });
    }
  }
  return problems;
}

/**
 * Parses one YAML (or JSON) catalog file and validates it with a zod schema, reporting every
 * problem at once with its line and field. A file that reads and validates on the fast path is done;
 * any other goes through `yaml` with a line counter, so every problem keeps its line and column.
 */
export function parseCatalogFile<S extends z.ZodType>(file: string, source: string, schema: S): Parsed<z.output<S>> {
  const split = DIGIT_COMMA_DIGIT.test(source) ? numbersSplitInFlow(file, source) : [];
  if (split.length > 0) return { ok: false, problems: split };
  const quick = quickParse(source);
  if (quick) {
    const result = schema.safeParse(quick.value);
    if (result.success) return { ok: true, value: detached(result.data) };
  }
  return parseExactly(file, source, schema);
}

function parseExactly<S extends z.ZodType>(file: string, source: string, schema: S): Parsed<z.output<S>> {
  const { LineCounter, parseDocument } = yamlLib();
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
  if (result.success) return { ok: true, value: detached(result.data) };
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

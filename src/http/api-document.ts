import { readFile } from 'node:fs/promises';
import { yamlLib } from '../catalog/yaml-lib';
import { BATCH_BYTES_PER_ITEM, type Config, loadConfig } from '../config';

type Limits = Config['limits'];

/** Where the document states each limit a deployment can change, as a schema constraint. */
const CONSTRAINTS: { path: (string | number)[]; limit: keyof Limits }[] = [
  { path: ['components', 'schemas', 'ScreeningRequest', 'allOf', 1, 'properties', 'items', 'maxItems'], limit: 'items' },
  { path: ['components', 'schemas', 'BatchDeclaration', 'allOf', 1, 'properties', 'items', 'maxItems'], limit: 'batchItems' },
  { path: ['components', 'schemas', 'DeclaredItem', 'properties', 'description', 'maxLength'], limit: 'descriptionLength' },
  { path: ['components', 'schemas', 'BatchRequest', 'properties', 'declarations', 'maxItems'], limit: 'batchDeclarations' },
];

/**
 * The OpenAPI document as this service applies it: the schema constraints set from the configured
 * limits (`MAX_ITEMS`, `MAX_DESCRIPTION_LENGTH`, `MAX_BATCH_DECLARATIONS`, `MAX_BATCH_ITEMS`), so a client generated or
 * validating against it refuses what the service refuses, and a note in `info.description` giving
 * every limit. The file's text is edited where those values stand, so every other byte (comments,
 * inline lists and maps, long lines) is the file's own.
 */
export async function apiDocument(file: string, limits: Limits): Promise<string> {
  const text = await readFile(file, 'utf8');
  const defaults = loadConfig({}).limits;
  if ((Object.keys(limits) as (keyof Limits)[]).every((k) => limits[k] === defaults[k])) return text;
  const yaml = yamlLib();
  const doc = yaml.parseDocument(text);
  const edits: { from: number; to: number; text: string }[] = [];
  for (const { path, limit } of CONSTRAINTS) {
    const node = doc.getIn(path, true);
    if (!yaml.isScalar(node) || !node.range) throw new Error(`${file} has no ${path.join('.')}: the limits cannot be stated`);
    edits.push({ from: node.range[0], to: node.range[1], text: String(limits[limit]) });
  }
  const description = doc.getIn(['info', 'description'], true);
  if (!yaml.isScalar(description) || description.type !== 'BLOCK_LITERAL' || !description.range) {
    throw new Error(`${file}: info.description must be a literal block (|) for the limits to be added to it`);
  }
  // The note is a paragraph of its own at the end of the block, indented as the block is.
  const indent = /\n( +)\S/.exec(text.slice(description.range[0], description.range[1]))?.[1] ?? '  ';
  const note = `Limits of this deployment: ${limits.items} items per declaration, ${limits.descriptionLength} characters per description, ${limits.batchDeclarations} declarations and ${limits.batchItems} items per batch; a body of at most ${limits.bodyBytes} bytes (${limits.batchItems * BATCH_BYTES_PER_ITEM} for a batch).`;
  edits.push({ from: description.range[1], to: description.range[1], text: `\n${indent}${note}\n` });
  return edits.sort((a, b) => b.from - a.from).reduce((out, e) => out.slice(0, e.from) + e.text + out.slice(e.to), text);
}

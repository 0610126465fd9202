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
 * every limit. The text is the file's own when the limits are the defaults it states; otherwise the
 * comments are kept and long lines are not folded again (inline lists and maps may be respaced).
 */
export async function apiDocument(file: string, limits: Limits): Promise<string> {
  const text = await readFile(file, 'utf8');
  const defaults = loadConfig({}).limits;
  if ((Object.keys(limits) as (keyof Limits)[]).every((k) => limits[k] === defaults[k])) return text;
  const doc = yamlLib().parseDocument(text);
  for (const { path, limit } of CONSTRAINTS) {
    if (!doc.hasIn(path)) throw new Error(`${file} has no ${path.join('.')}: the limits cannot be stated`);
    doc.setIn(path, limits[limit]);
  }
  const note = `Limits of this deployment: ${limits.items} items per declaration, ${limits.descriptionLength} characters per description, ${limits.batchDeclarations} declarations and ${limits.batchItems} items per batch; a body of at most ${limits.bodyBytes} bytes (${limits.batchItems * BATCH_BYTES_PER_ITEM} for a batch).`;
  const description = doc.getIn(['info', 'description']);
  doc.setIn(['info', 'description'], typeof description === 'string' ? `${description.trimEnd()}\n\n${note}\n` : note);
  return doc.toString({ lineWidth: 0 });
}

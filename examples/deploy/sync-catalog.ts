/**
 * Writes the catalog ConfigMap of kubernetes.yaml from a catalog folder (default: the bundled one),
 * between its "BEGIN generated catalog" and "END generated catalog" lines:
 *   npx tsx examples/deploy/sync-catalog.ts [catalogDir]
 * ConfigMap keys cannot hold "/", so entries/<id>.yaml is the key entries.<id>.yaml, and the
 * Deployment's volume maps each key back to its path.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

const HERE = __dirname;
const BEGIN = '# BEGIN generated catalog';
const END = '# END generated catalog';

export async function catalogFiles(dir: string): Promise<{ key: string; path: string; text: string }[]> {
  const entries = (await readdir(join(dir, 'entries'))).filter((n) => /^[a-z0-9-]+\.ya?ml$/.test(n)).sort();
  return [
    { key: 'catalog.yaml', path: 'catalog.yaml', text: await readFile(join(dir, 'catalog.yaml'), 'utf8') },
    ...(await Promise.all(entries.map(async (n) => ({ key: `entries.${n}`, path: `entries/${n}`, text: await readFile(join(dir, 'entries', n), 'utf8') })))),
  ];
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(HERE, '..', '..', 'catalog'));
  const files = await catalogFiles(dir);
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'screening-catalog', labels: { app: 'postal-screening' } },
    data: Object.fromEntries(files.map((f) => [f.key, f.text])),
  };
  const items = files.map((f) => `              - { key: ${f.key}, path: ${f.path} }`).join('\n');
  const manifest = join(HERE, 'kubernetes.yaml');
  let text = await readFile(manifest, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${manifest} has no "${BEGIN}" … "${END}" block`);
  text = `${text.slice(0, start)}${BEGIN} (npx tsx examples/deploy/sync-catalog.ts)\n${stringify(configMap, { lineWidth: 0, blockQuote: 'literal' })}${text.slice(end)}`;
  // The volume's key → path list follows the entries.
  text = text.replace(/( {12}items: # generated\n)(?: {14}- \{ key: [^\n]*\n)+/, `$1${items}\n`);
  await writeFile(manifest, text);
  process.stdout.write(`${manifest}: ${files.length} catalog files from ${dir}\n`);
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}

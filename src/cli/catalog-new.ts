import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENTRIES_DIR, SETTINGS_FILE } from '../catalog/load-catalog';
import { result, shown, shownDir, type CommandResult } from './catalog-command';
import { entryScaffold } from './catalog-scaffold';

// The schema's rule for ids, checked here too so a bad one never reaches the disk.
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `new ID [dir]`: writes entries/ID.yaml, a commented scaffold that validates once its placeholders are filled. */
export async function newCommand(id: string, dir: string): Promise<CommandResult> {
  if (!ENTRY_ID.test(id) || id.length > 64) {
    return result(1, [], [`"${id}" cannot be an entry id: use lower-case letters, digits and single dashes, at most 64 (e.g. medical-thermometers).`]);
  }
  if (!existsSync(join(dir, SETTINGS_FILE))) {
    return result(1, [], [`${shownDir(dir)} is not a catalog folder: it has no ${SETTINGS_FILE}.`]);
  }
  const taken = ['yaml', 'yml'].map((ext) => join(dir, ENTRIES_DIR, `${id}.${ext}`)).find((f) => existsSync(f));
  if (taken) return result(1, [], [`entry "${id}" already exists: ${shown(taken)}. Edit it, or choose another id.`]);
  const file = join(dir, ENTRIES_DIR, `${id}.yaml`);
  await mkdir(join(dir, ENTRIES_DIR), { recursive: true });
  try {
    // `wx`: never overwrite, even if another officer creates the same entry this instant.
    await writeFile(file, entryScaffold(id), { flag: 'wx' });
  } catch (err) {
    return result(1, [], [`cannot write ${shown(file)}: ${(err as Error).message}`]);
  }
  return result(0, [
    `wrote ${shown(file)}`,
    'Fill every "" and YYYY-MM-DD (the comments say what goes where), then run:',
    `  npm run catalog -- validate ${shownDir(dir)}`,
    `  npm run catalog -- test ${shownDir(dir)}`,
    'While it does not validate, a service reading this folder keeps screening with its last good catalog.',
  ]);
}

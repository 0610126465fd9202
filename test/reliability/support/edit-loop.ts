import { CatalogStore } from '../../../src/catalog/catalog-store';
import { EntryEditor } from '../../../src/catalog/entry-editor';

// Edits the catalog for ever through the EntryEditor, printing "edited <id> <n>" after each
// acknowledged edit, until it is killed. Starts when it reads "go <firstEdit>" on stdin, so a test
// can load the next one while killing this one. Usage: tsx edit-loop.ts <catalogDir> <historyDir>
const [catalogDir, historyDir] = process.argv.slice(2);
const IDS = ['medical-masks', 'medical-gloves', 'disinfectants'];

async function main(): Promise<void> {
  process.stdout.write('loaded\n');
  const first = await new Promise<number>((resolve) => {
    let text = '';
    process.stdin.on('data', (d) => {
      text += String(d);
      const go = /^go (\d+)$/m.exec(text);
      if (go) resolve(Number(go[1]));
    });
  });
  const store = new CatalogStore({ catalogDir, historyDir });
  const loaded = await store.reload('edit-loop');
  if (!loaded.ok) throw new Error(`the catalog does not load: ${JSON.stringify(loaded.problems)}`);
  const editor = new EntryEditor(store);
  process.stdout.write('ready\n');
  for (let n = first; ; n++) {
    const id = IDS[n % IDS.length];
    const current = await editor.get(id);
    if (!current) throw new Error(`${id} is gone`);
    const entry = structuredClone(current.entry);
    entry.description = { ...entry.description, en: `${entry.description?.en.replace(/ \[edit \d+\]$/, '') ?? id} [edit ${n}]` } as typeof entry.description;
    await editor.put({ id, actor: 'crash-test', reason: `edit ${n}`, ifMatch: current.etag }, entry).catch((err) => {
      throw Object.assign(err, { message: `${err.message} (edit ${n} of ${id}, If-Match ${current.etag})` });
    });
    process.stdout.write(`edited ${id} ${n}\n`);
  }
}

main().catch((err: Error & { rejection?: unknown }) => {
  process.stderr.write(`${err.stack}\n${JSON.stringify(err.rejection ?? '')}\n`);
  process.exit(2);
});

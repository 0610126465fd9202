import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import * as parseFile from '../../src/catalog/parse-file';
import { parseCatalogFile } from '../../src/catalog/parse-file';
import { entrySchema } from '../../src/catalog/schema';
import { BUNDLED_CATALOG, generatedEntry } from '../bench/catalog-generator';

// Entry files in plain block YAML (as the editor and the bench write them) take the loader's fast path:
// what it makes of them must be what the exact path (`yaml`, then the schema) makes of them, to the
// order of keys; and a problem in such a file is still reported at its line and column.

/** The exact path: `yaml`, the schema, a plain copy. */
function slowly(text: string): unknown {
  return JSON.parse(JSON.stringify(entrySchema.parse(parse(text, { uniqueKeys: true }))));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('catalog files in plain block YAML', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'load-catalog-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('read on the fast path as the exact path reads them, keys in the same order', () => {
    for (let i = 0; i < 200; i++) {
      for (const text of [stringify(generatedEntry(i), { lineWidth: 0 }), `# header\n${stringify(generatedEntry(i), { lineWidth: 120 })}`]) {
        const parsed = parseCatalogFile('x.yaml', text, entrySchema);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(slowly(text)));
      }
    }
  });

  it('report every problem with its line and column', () => {
    const text = stringify(generatedEntry(5), { lineWidth: 0 })
      .replace('action: reject', 'action: forbid')
      .replace(/from: (\d{4})-\d\d-01/, 'from: $1-13-01')
      .replace('strength: decisive', 'strength: decisive\n    extra: 1');
    const parsed = parseCatalogFile('entries/x.yaml', text, entrySchema);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const at = (needle: string, column: number) => ({ line: lineOf(text, needle), column });
    expect(parsed.problems.map(({ file, line, column, field }) => ({ file, line, column, field }))).toEqual(
      expect.arrayContaining([
        { file: 'entries/x.yaml', ...at('action: forbid', 13), field: 'rules.0.action' },
        { file: 'entries/x.yaml', ...at('-13-01', 13), field: 'rules.0.effective.from' },
        // An unknown key is reported where its object starts.
        { file: 'entries/x.yaml', ...at('- code:', 5), field: 'hsCodes.0' },
      ]),
    );
    expect(parsed.problems).toHaveLength(3);
  });

  it('refuse a decimal comma that would split a phrase of a bracketed list, at its line; a quoted one reads whole', async () => {
    const quoted = await readFile(join(BUNDLED_CATALOG, 'entries', 'disinfectants.yaml'), 'utf8');
    const whole = parseCatalogFile('entries/disinfectants.yaml', quoted, entrySchema);
    expect(whole.ok && whole.value.match.heads.fr).toContain('élimine 99,9 % des virus');
    const bare = quoted.replace('"élimine 99,9 % des virus",', 'élimine 99,9 % des virus,');
    const split = parseCatalogFile('entries/disinfectants.yaml', bare, entrySchema);
    expect(split.ok).toBe(false);
    if (split.ok) return;
    expect(split.problems).toEqual([expect.objectContaining({ line: lineOf(bare, 'élimine 99,9 % des virus'), column: bare.split('\n')[lineOf(bare, 'élimine 99,9 % des virus') - 1].indexOf(',9') + 1 })]);
    // Brackets inside plain text are text: a note may say "[thuế 1,5%]", and an unclosed one opens nothing.
    const noted = quoted.replace(/^(\s+note:.*)$/m, '$1 [Vietnam 3926.20.90, thuế 1,5%] :-[ see 4015.11, 0,5%');
    expect(noted).not.toBe(quoted);
    expect(parseCatalogFile('entries/disinfectants.yaml', noted, entrySchema).ok).toBe(true);
  });

  it('load as a catalog next to the bundled flow-style files, in name order, giving the event loop turns', async () => {
    const catalog = join(dir, 'catalog');
    await cp(BUNDLED_CATALOG, catalog, { recursive: true, filter: (src) => !src.includes('.history') });
    await mkdir(join(catalog, 'entries'), { recursive: true });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const entry = generatedEntry(i);
      ids.push(entry.id);
      await writeFile(join(catalog, 'entries', `${entry.id}.yaml`), stringify(entry, { lineWidth: 0 }));
    }
    let turns = 0;
    let loading = true;
    const turn = () => {
      turns++;
      if (loading) setImmediate(turn);
    };
    setImmediate(turn);
    // Turns of the event loop counted at each file parsed: from the first entry file to the last.
    const seen: number[] = [];
    const original = parseFile.parseCatalogFile;
    const spy = jest.spyOn(parseFile, 'parseCatalogFile').mockImplementation((...args) => {
      seen.push(turns);
      return original(...args);
    });
    const loaded = await loadCatalogSource(catalog).finally(() => {
      spy.mockRestore();
      loading = false;
    });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.source.entries.map((e) => e.id)).toEqual([...ids, 'disinfectants', 'medical-gloves', 'medical-masks'].sort());
    // 303 entry files (and catalog.yaml): a turn every 64 files.
    expect(seen).toHaveLength(304);
    expect(seen[seen.length - 1] - seen[1]).toBeGreaterThanOrEqual(4);
  });

  it('load without loading `yaml` at all when every file reads on a fast path (the editor loads it when it writes)', async () => {
    const catalog = join(dir, 'clean');
    await cp(BUNDLED_CATALOG, catalog, { recursive: true, filter: (src) => !src.includes('.history') });
    await writeFile(join(catalog, 'entries', `${generatedEntry(1).id}.yaml`), stringify(generatedEntry(1), { lineWidth: 0 }));
    const script = `
      const { loadCatalogSource } = require('./src/catalog/load-catalog');
      const { buildSnapshot } = require('./src/catalog/snapshot');
      require('./src/catalog/entry-editor');
      loadCatalogSource(${JSON.stringify(catalog)}).then((loaded) => {
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
        buildSnapshot(loaded.source, new Date());
        console.log(Object.keys(require.cache).filter((k) => k.includes('/node_modules/yaml/')).length);
      });`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: resolve(__dirname, '..', '..'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The content version of the bundled catalog with two more entries whose ids collate differently by locale. */
function versionUnder(locale: string): string {
  const script = `
    const { loadCatalogSource } = require('./src/catalog/load-catalog');
    const { catalogVersion } = require('./src/catalog/snapshot');
    loadCatalogSource('catalog').then((l) => {
      if (!l.ok) throw new Error('bundled catalog does not load');
      const [first] = l.source.entries;
      const entries = [...l.source.entries, { ...first, id: 'h-tester' }, { ...first, id: 'ch-tester' }, { ...first, id: 'i-tester' }];
      process.stdout.write(catalogVersion({ ...l.source, entries }) + ' ' + new Intl.Collator().resolvedOptions().locale);
    });`;
  return execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, LANG: locale, LC_ALL: locale },
    encoding: 'utf8',
  });
}

/** Under a locale, a version archived in that locale's order (before versions ordered by code units): does it replay? */
function replayUnder(locale: string): string {
  const script = `
    const { mkdtempSync } = require('node:fs');
    const { tmpdir } = require('node:os');
    const { join } = require('node:path');
    const { loadCatalogSource } = require('./src/catalog/load-catalog');
    const { byLocale, catalogVersion } = require('./src/catalog/snapshot');
    const { CatalogStore } = require('./src/catalog/catalog-store');
    (async () => {
      const l = await loadCatalogSource('catalog');
      const [first] = l.source.entries;
      const source = { ...l.source, entries: [...l.source.entries, { ...first, id: 'h-tester' }, { ...first, id: 'ch-tester' }] };
      const old = catalogVersion(source, byLocale);
      const historyDir = mkdtempSync(join(tmpdir(), 'replay-locale-'));
      const store = new CatalogStore({ catalogDir: 'catalog', historyDir });
      await store.archive.put(old, source);
      const replayed = await store.snapshotFor(old);
      store.close();
      process.stdout.write(JSON.stringify({ differs: old !== catalogVersion(source), replayed: replayed?.version === old }));
    })();`;
  return execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, LANG: locale, LC_ALL: locale },
    encoding: 'utf8',
  });
}

describe('content version', () => {
  it('a version archived in the former, locale-ordered way still replays on a replica of that locale', () => {
    expect(JSON.parse(replayUnder('cs_CZ.UTF-8'))).toEqual({ differs: true, replayed: true });
  });

  it('is the same whatever the locale of the process (Czech sorts "ch" after "h")', () => {
    const [en, enLocale] = versionUnder('en_US.UTF-8').split(' ');
    const [cs, csLocale] = versionUnder('cs_CZ.UTF-8').split(' ');
    expect(csLocale).toBe('cs-CZ');
    expect(enLocale).not.toBe('cs-CZ');
    expect(cs).toMatch(/^[0-9a-f]{16}$/);
    expect(cs).toBe(en);
  });
});

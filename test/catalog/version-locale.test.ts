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

describe('content version', () => {
  it('is the same whatever the locale of the process (Czech sorts "ch" after "h")', () => {
    const [en, enLocale] = versionUnder('en_US.UTF-8').split(' ');
    const [cs, csLocale] = versionUnder('cs_CZ.UTF-8').split(' ');
    expect(csLocale).toBe('cs-CZ');
    expect(enLocale).not.toBe('cs-CZ');
    expect(cs).toMatch(/^[0-9a-f]{16}$/);
    expect(cs).toBe(en);
  });
});

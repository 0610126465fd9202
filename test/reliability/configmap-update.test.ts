import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { declaration, startTestService, BUNDLED_CATALOG, type TestService } from '../support/service';

// A catalog mounted from a ConfigMap changes the way the kubelet changes it: a new timestamped folder,
// then one atomic rename of the "..data" symlink; catalog.yaml and entries/ are symlinks through it.
let dir: string;
let catalogDir: string;

async function publish(version: string, edit?: (entriesDir: string) => Promise<void>): Promise<void> {
  const target = join(catalogDir, `..${version}`);
  await cp(BUNDLED_CATALOG, target, { recursive: true, filter: (src) => !src.includes('.history') && !src.includes('schema') });
  if (edit) await edit(join(target, 'entries'));
  await symlink(`..${version}`, join(catalogDir, '..data_tmp'));
  await rename(join(catalogDir, '..data_tmp'), join(catalogDir, '..data'));
}

async function breakEverything(entries: string): Promise<void> {
  for (const id of ['medical-masks', 'medical-gloves', 'disinfectants']) await writeFile(join(entries, `${id}.yaml`), 'id: [');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'screening-configmap-'));
  catalogDir = join(dir, 'catalog');
  await mkdir(catalogDir);
  await publish('2020_02_03_00_00_00.1');
  await symlink('..data/catalog.yaml', join(catalogDir, 'catalog.yaml'));
  await symlink('..data/entries', join(catalogDir, 'entries'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function waitFor(t: TestService, done: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

describe('a catalog mounted from a ConfigMap', () => {
  it('loads through the kubelet symlinks and reloads on SIGHUP (store.reload) after an update', async () => {
    const t = await startTestService({ catalogDir });
    try {
      const first = t.store.current()!.version;
      await publish('2020_02_04_00_00_00.2', async (entries) => {
        const f = join(entries, 'medical-gloves.yaml');
        await writeFile(f, (await readFile(f, 'utf8')).replace(/^(\s+en: )(.*)$/m, '$1$2 (updated)'));
      });
      expect(await t.store.reload('SIGHUP')).toMatchObject({ ok: true, changed: true });
      expect(t.store.current()!.version).not.toBe(first);
    } finally {
      await t.cleanup();
    }
  });

  it('keeps the last good catalog when the update is broken', async () => {
    const t = await startTestService({ catalogDir });
    try {
      const first = t.store.current()!.version;
      await publish('2020_02_04_00_00_00.2', breakEverything);
      expect(await t.store.reload('SIGHUP')).toMatchObject({ ok: false });
      const res = await request(t.app).post('/v1/screenings').send(declaration([{ description: 'Khẩu trang y tế' }]));
      expect(res.body).toMatchObject({ decision: 'REJECT', catalog: { version: first } });
    } finally {
      await t.cleanup();
    }
  });

  // A ConfigMap update changes only names starting with "." ("..data", "..2020_…"), which the watch
  // otherwise ignores.
  it('is reloaded by a watching service when the kubelet swaps ..data', async () => {
    const t = await startTestService({ catalogDir, env: { CATALOG_WATCH: 'true' } });
    try {
      await publish('2020_02_04_00_00_00.2', breakEverything);
      await waitFor(t, () => t.store.status().lastReload?.trigger === 'watch', 10_000);
      expect(t.store.status().lastReload).toMatchObject({ trigger: 'watch', ok: false });
    } finally {
      await t.cleanup();
    }
  }, 20_000);

  it('follows one update after another, each reloaded once the kubelet swaps ..data', async () => {
    const t = await startTestService({ catalogDir, env: { CATALOG_WATCH: 'true' } });
    const rename = (label: string) => async (entries: string) => {
      const f = join(entries, 'medical-gloves.yaml');
      await writeFile(f, (await readFile(f, 'utf8')).replace(/^(\s+en: )(.*)$/m, `$1$2 (${label})`));
    };
    try {
      const versions = [t.store.current()!.version];
      for (const [k, label] of ['update one', 'update two'].entries()) {
        const before = t.store.status().lastReload;
        await publish(`2020_02_0${5 + k}_00_00_00.${3 + k}`, rename(label));
        // Returns once the reload has finished: its status is the last thing it writes (the version
        // is swapped in before the audit record). The bound is for a machine busy with other suites.
        await waitFor(t, () => t.store.status().lastReload !== before, 10_000);
        expect(t.store.status().lastReload).toMatchObject({ trigger: 'watch', ok: true });
        versions.push(t.store.current()!.version);
        const entry = await request(t.app).get('/v1/catalog/entries/medical-gloves');
        expect(JSON.stringify(entry.body)).toContain(label);
      }
      expect(new Set(versions).size).toBe(3);
    } finally {
      await t.cleanup();
    }
  }, 30_000);
});

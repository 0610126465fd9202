import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLineDurably } from '../../src/catalog/atomic-write';
import { AuditLog } from '../../src/catalog/audit-log';
import { CatalogStore } from '../../src/catalog/catalog-store';
import { EntryEditor } from '../../src/catalog/entry-editor';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { catalogCopy, spawnTs } from './support/child';

// A process editing the catalog is killed with SIGKILL in the middle of its writes, again and again:
// the catalog still loads and validates, no acknowledged edit is lost, the audit log still reads.
jest.setTimeout(120_000);

const ROUNDS = 3;
const EDIT_LOOP = join(__dirname, 'support', 'edit-loop.ts');

/** What a dead process leaves: its lock, which goes stale after 15 s; aged here rather than waited for. */
async function ageLock(historyDir: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  await utimes(join(historyDir, 'catalog.lock'), past, past).catch(() => undefined);
}

describe('SIGKILL during catalog writes', () => {
  let dirs: Awaited<ReturnType<typeof catalogCopy>>;
  const acknowledged = new Map<string, number>();
  let next = 0;
  const children: ChildProcess[] = [];
  const start = () => {
    const c = spawnTs(EDIT_LOOP, [dirs.catalogDir, dirs.historyDir]);
    children.push(c.proc);
    return c;
  };

  beforeAll(async () => {
    dirs = await catalogCopy();
    // Each next process loads while the one before is still writing, then is told to go.
    let child = start();
    for (let round = 0; round < ROUNDS; round++) {
      child.proc.stdin.write(`go ${next}\n`);
      await child.waitForLine((l) => l === 'ready', 60_000);
      const first = next;
      const following = round + 1 < ROUNDS ? start() : null;
      const wanted = 2 + Math.floor(Math.random() * 4);
      await child.waitForLine((l) => l.startsWith('edited') && Number(l.split(' ')[2]) >= first + wanted, 60_000);
      // Somewhere inside the next edit: reading, validating, writing, archiving or auditing.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150)));
      child.proc.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      for (const line of child.lines.filter((l) => l.startsWith('edited '))) {
        const [, id, n] = line.split(' ');
        acknowledged.set(id, Math.max(acknowledged.get(id) ?? -1, Number(n)));
        next = Math.max(next, Number(n) + 1);
      }
      next += 1; // the edit in flight may or may not have landed; the next round starts past it
      await ageLock(dirs.historyDir);
      if (following) child = following;
    }
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    if (dirs) await rm(dirs.dir, { recursive: true, force: true });
  });

  it('leaves a catalog that loads and validates', async () => {
    const loaded = await loadCatalogSource(dirs.catalogDir);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    const store = new CatalogStore(dirs);
    expect(await store.reload('after crashes')).toMatchObject({ ok: true });
    store.close();
  });

  it('leaves no half-written entry file, only stray temporaries the loader ignores', async () => {
    const names = await readdir(join(dirs.catalogDir, 'entries'));
    expect(names.filter((n) => n.endsWith('.yaml')).sort()).toEqual(['disinfectants.yaml', 'medical-gloves.yaml', 'medical-masks.yaml']);
    for (const n of names.filter((n) => !n.endsWith('.yaml'))) expect(n).toMatch(/^\..*\.tmp$/);
  });

  it('loses no acknowledged edit: each entry carries its last acknowledged edit or a later one', async () => {
    expect(acknowledged.size).toBeGreaterThan(0);
    const loaded = await loadCatalogSource(dirs.catalogDir);
    if (!loaded.ok) throw new Error('does not load');
    for (const [id, n] of acknowledged) {
      const entry = loaded.source.entries.find((e) => e.id === id)!;
      const onDisk = Number(/\[edit (\d+)\]$/.exec(entry.description?.en ?? '')?.[1] ?? -1);
      expect({ id, onDisk: onDisk >= n }).toEqual({ id, onDisk: true });
    }
  });

  it('keeps an audit log that reads, with a record for every acknowledged edit', async () => {
    const records = await new AuditLog(dirs.historyDir).list({ limit: 100_000 });
    const audited = new Set(records.filter((r) => r.action === 'update').map((r) => r.reason));
    for (const [id, n] of acknowledged) expect({ id, audited: audited.has(`edit ${n}`) }).toEqual({ id, audited: true });
  });

  it('can be edited again after the crashes, the dead lock gone stale', async () => {
    const store = new CatalogStore(dirs);
    await store.reload('after crashes');
    const editor = new EntryEditor(store);
    const current = (await editor.get('medical-gloves'))!;
    const result = await editor.put({ id: 'medical-gloves', actor: 'test', reason: 'after the crashes', ifMatch: current.etag }, current.entry);
    expect(result.version).toMatch(/^[0-9a-f]{16}$/);
    store.close();
  });
});

describe('the audit log after a torn append', () => {
  it('keeps the next record: a line cut by a crash stays alone and is skipped', async () => {
    const { dir, historyDir } = await catalogCopy();
    try {
      const log = new AuditLog(historyDir);
      const record = (id: string) => ({ id, at: '2020-02-03T00:00:00Z', actor: 'a', action: 'update' as const, entryId: 'x', reason: id, fromVersion: null, toVersion: 'v', before: null, after: null });
      await log.append(record('first'));
      // What SIGKILL in the middle of a multi-page write leaves: a record without its end.
      await writeFile(join(historyDir, 'audit.jsonl'), `${JSON.stringify(record('torn')).slice(0, 40)}`, { flag: 'a' });
      await log.append(record('after the crash'));
      await appendLineDurably(join(historyDir, 'audit.jsonl'), JSON.stringify(record('and the next')));
      const ids = (await log.list()).map((r) => r.id);
      expect(ids).toEqual(['and the next', 'after the crash', 'first']);
      expect((await readFile(join(historyDir, 'audit.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

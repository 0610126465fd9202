import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';
import { AuditLog } from './audit-log';
import { ENTRIES_DIR, loadCatalogSource, SETTINGS_FILE, type ReadFiles } from './load-catalog';
import type { CatalogProblem } from './parse-file';
import { ReadFilesRecord, type KnownFiles } from './read-files-record';
import { buildSnapshot, byLocale, catalogVersion, contentHash, type CatalogSnapshot, type CatalogSource } from './snapshot';
import { VersionArchive } from './version-archive';

/** The symlink a ConfigMap volume renames to publish an update; catalog.yaml and entries/ point through it. */
const KUBELET_DATA = '..data';

export type StoreLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type ReloadOutcome =
  | { ok: true; version: string; changed: boolean }
  | { ok: false; problems: CatalogProblem[] };

export type StoreStatus = {
  ready: boolean;
  version: string | null;
  builtAt: string | null;
  lastReload: { at: string; trigger: string; ok: boolean; problems: CatalogProblem[] } | null;
};

export type StoreOptions = {
  catalogDir: string;
  historyDir: string;
  clock?: () => Date;
  logger?: StoreLogger;
  /** Called after each reload attempt, for metrics. */
  onReload?: (outcome: ReloadOutcome, snapshot: CatalogSnapshot | null) => void;
  /** Called when a new snapshot is in force (a reload that changed the version, or an edit). */
  onPublished?: (snapshot: CatalogSnapshot) => void;
};

const silent: StoreLogger = { info() {}, warn() {}, error() {} };
const REPLAY_CACHE = 4;

function changedEntries(a: CatalogSource | undefined, b: CatalogSource): string[] {
  // Without a previous catalog every entry is new: no need to hash them.
  if (!a) return [...new Set(b.entries.map((e) => e.id))].sort();
  const before = new Map(a.entries.map((e) => [e.id, e]));
  const after = new Map(b.entries.map((e) => [e.id, e]));
  const ids = new Set([...before.keys(), ...after.keys()]);
  // An entry whose file was not read again is the same value: only the others are hashed.
  const same = (x: unknown, y: unknown) => x === y || (x !== undefined && y !== undefined && contentHash(x) === contentHash(y));
  return [...ids].filter((id) => !same(before.get(id), after.get(id))).sort();
}

/**
 * Holds the catalog snapshot that screenings read, and replaces it whole: on reload from disk (a
 * watched change or SIGHUP) and after an officer's edit. A catalog that fails to validate never
 * replaces the last good one. Every published version is archived for replay.
 */
export class CatalogStore {
  readonly archive: VersionArchive;
  readonly audit: AuditLog;
  private snapshot: CatalogSnapshot | null = null;
  private last: StoreStatus['lastReload'] = null;
  private chain: Promise<unknown> = Promise.resolve();
  private watcher: FSWatcher | null = null;
  private entriesWatcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly replays = new Map<string, CatalogSnapshot>();
  private readonly record: ReadFilesRecord;
  /** The files of the last good load and the version they made: a reload reads only the files changed since. */
  private known: KnownFiles | null = null;
  private readonly clock: () => Date;
  private readonly logger: StoreLogger;

  constructor(private readonly options: StoreOptions) {
    this.archive = new VersionArchive(options.historyDir);
    this.audit = new AuditLog(options.historyDir);
    this.record = new ReadFilesRecord(options.historyDir, options.catalogDir, this.archive);
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silent;
  }

  get catalogDir(): string {
    return this.options.catalogDir;
  }

  current(): CatalogSnapshot | null {
    return this.snapshot;
  }

  /** The catalog files as the last good load read them, for a load that changes one of them. */
  readFiles(): ReadFiles {
    return this.known?.files ?? new Map();
  }

  status(): StoreStatus {
    return {
      ready: this.snapshot !== null,
      version: this.snapshot?.version ?? null,
      builtAt: this.snapshot?.builtAt ?? null,
      lastReload: this.last,
    };
  }

  /**
   * Runs one catalog change at a time: in this process (a promise chain) and across every process
   * sharing the history folder (a lock file), so reloads and edits never interleave.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locked = async () => {
      await mkdir(this.options.historyDir, { recursive: true });
      const release = await lockfile.lock(this.options.historyDir, {
        realpath: false,
        lockfilePath: join(this.options.historyDir, 'catalog.lock'),
        stale: 15000,
        retries: { retries: 200, minTimeout: 5, maxTimeout: 100 },
      });
      try {
        return await task();
      } finally {
        await release();
      }
    };
    const run = this.chain.then(locked, locked);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Reads the catalog folder again; keeps the last good snapshot when it does not validate. */
  reload(trigger: string): Promise<ReloadOutcome> {
    return this.exclusive(async () => {
      const at = this.clock().toISOString();
      let outcome: ReloadOutcome;
      // At start, the files of the last run's load, as the history folder recorded them.
      const known = this.known ?? (await this.record.recall());
      const loaded = await loadCatalogSource(this.options.catalogDir, { known: known?.files ?? new Map() }).catch((err: Error) => ({
        ok: false as const,
        problems: [{ file: this.options.catalogDir, field: '', message: err.message }],
      }));
      if (!loaded.ok) {
        // Paths relative to the catalog folder: status answers are public, server paths are not.
        const problems = loaded.problems.map((p) => ({ ...p, file: relative(this.options.catalogDir, p.file) || '.' }));
        outcome = { ok: false, problems };
        this.last = { at, trigger, ok: false, problems };
        this.logger.error(
          { trigger, catalogDir: this.options.catalogDir, problems, keptVersion: this.snapshot?.version ?? null },
          'catalog reload failed; the last good catalog stays in force',
        );
      } else {
        // Every file the same as before, none added or removed: the same content, the same version.
        const same = known !== null && loaded.reused === known.files.size && loaded.files.size === known.files.size && loaded.source.entries.length + 1 === known.files.size;
        const version = same ? known.version : catalogVersion(loaded.source);
        const changed = version !== this.snapshot?.version;
        if (changed) {
          const previous = this.snapshot;
          // The first process to publish a version records it; replicas reloading the same files do not.
          const known = await this.archive.has(version);
          // The version is written while the snapshot is built, and put in place (durably) only once the
          // snapshot exists, before it is published: a crash or a failed build leaves no archived
          // version that was never published and audited.
          const pending = known ? null : this.archive.begin(version, loaded.source);
          let next: CatalogSnapshot;
          try {
            next = buildSnapshot(loaded.source, this.clock(), version);
          } catch (err) {
            await pending?.abort();
            throw err;
          }
          await pending?.commit();
          this.snapshot = next;
          this.options.onPublished?.(next);
          if (!known) await this.audit.append({
            id: randomUUID(), at, actor: 'filesystem', action: 'reload', entryId: null,
            reason: previous ? `catalog files changed (${trigger})` : `catalog loaded (${trigger})`,
            fromVersion: previous?.version ?? null, toVersion: version, before: null, after: null,
            changedEntries: changedEntries(previous?.source, loaded.source),
          });
          this.logger.info({ trigger, version, previous: previous?.version ?? null, filesReused: loaded.reused }, 'catalog loaded');
        }
        // The version is archived now (or was): a later start can take its content from there.
        if (!same) await this.record.keep({ version, files: loaded.files }).catch((err: Error) => this.logger.warn({ err: err.message }, 'cannot record the files read'));
        this.known = { version, files: loaded.files };
        outcome = { ok: true, version, changed };
        this.last = { at, trigger, ok: true, problems: [] };
      }
      this.options.onReload?.(outcome, this.snapshot);
      return outcome;
    });
  }

  /** Archives and swaps in a snapshot built by an edit; call inside `exclusive`. */
  async publish(next: CatalogSnapshot): Promise<void> {
    await this.archive.put(next.version, next.source);
    this.snapshot = next;
    this.options.onPublished?.(next);
    this.last = { at: this.clock().toISOString(), trigger: 'edit', ok: true, problems: [] };
  }

  /** The snapshot of a past version, for replaying a decision; null when it was never published here. */
  async snapshotFor(version: string): Promise<CatalogSnapshot | null> {
    if (this.snapshot?.version === version) return this.snapshot;
    const cached = this.replays.get(version);
    if (cached) return cached;
    const source = await this.archive.get(version);
    // Versions archived before the content version ordered entries by code units were ordered by the
    // process locale; under most locales the two agree, and such a version still replays.
    if (!source || (catalogVersion(source) !== version && catalogVersion(source, byLocale) !== version)) return null;
    const snapshot = buildSnapshot(source, this.clock(), version);
    this.replays.set(version, snapshot);
    if (this.replays.size > REPLAY_CACHE) this.replays.delete(this.replays.keys().next().value!);
    return snapshot;
  }

  /**
   * Reloads shortly after the catalog files change: `catalog.yaml` and the files of `entries/`, each
   * folder watched alone (not recursively). Names starting with a dot (the history folder, temporary
   * files of atomic writes) and `.tmp` files are ignored, except `..data`: a catalog mounted from a
   * Kubernetes ConfigMap changes only by the kubelet renaming that symlink to a new folder.
   */
  watch(delayMs = 200): void {
    if (this.watcher) return;
    const changed = () => {
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.reload('watch'), delayMs);
    };
    try {
      this.watcher = watch(this.options.catalogDir, (_event, name) => {
        const file = name ? String(name) : '';
        const swapped = file === KUBELET_DATA;
        if (file && file !== SETTINGS_FILE && file !== ENTRIES_DIR && !swapped) return;
        // entries/ created, replaced or removed, or a ConfigMap's new folder swapped in under it:
        // watch whatever is there now.
        if (!file || file === ENTRIES_DIR || swapped) this.watchEntries(changed);
        changed();
      });
      this.watcher.on('error', (err) => this.logger.warn({ err: err.message }, 'catalog watch stopped'));
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'cannot watch the catalog folder; use SIGHUP to reload');
      return;
    }
    this.watchEntries(changed);
  }

  private watchEntries(changed: () => void): void {
    this.entriesWatcher?.close();
    this.entriesWatcher = null;
    try {
      const watcher = watch(join(this.options.catalogDir, ENTRIES_DIR), (_event, name) => {
        if (name && (String(name).startsWith('.') || String(name).endsWith('.tmp'))) return;
        // The watched folder itself went away (removed, or the old target of a symlink): watch what is there now.
        if (String(name) === ENTRIES_DIR) this.watchEntries(changed);
        changed();
      });
      watcher.on('error', (err) => {
        this.logger.warn({ err: err.message }, 'catalog watch of entries stopped');
        watcher.close();
        if (this.entriesWatcher === watcher) this.entriesWatcher = null;
      });
      this.entriesWatcher = watcher;
    } catch {
      // No entries folder yet: the watch of the catalog folder sees it appear.
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.entriesWatcher?.close();
    this.entriesWatcher = null;
    if (this.debounce) clearTimeout(this.debounce);
  }
}

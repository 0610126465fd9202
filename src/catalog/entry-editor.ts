import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, removeFileDurably } from './atomic-write';
import type { CatalogStore } from './catalog-store';
import { checkExamples, type ExampleFailure } from './check-examples';
import { crossCheck, ENTRIES_DIR, loadCatalogSource } from './load-catalog';
import { parseCatalogFile, type CatalogProblem } from './parse-file';
import { entrySchema, type EntryFile } from './schema';
import { buildSnapshot, catalogVersion, contentHash } from './snapshot';
import { yamlLib } from './yaml-lib';

export type EditRejection =
  | { kind: 'precondition-required' }
  | { kind: 'precondition-failed'; currentEtag: string | null }
  | { kind: 'not-found' }
  | { kind: 'invalid'; problems: CatalogProblem[] }
  | { kind: 'examples-failed'; failures: ExampleFailure[] }
  | { kind: 'catalog-broken'; problems: CatalogProblem[] }
  | { kind: 'read-only' };

/** An edit the catalog refused; nothing was written. */
export class EditRejected extends Error {
  constructor(readonly rejection: EditRejection) {
    super(rejection.kind);
  }
}

export type EditResult = { etag: string | null; version: string; created: boolean; entry: EntryFile | null };

export type EditRequest = {
  id: string;
  actor: string;
  reason: string;
  ifMatch?: string;
  ifNoneMatch?: string;
};

/** The ETag of an entry: a hash of its content, so comments and layout do not count. */
export function entryEtag(entry: EntryFile): string {
  return `"${contentHash(entry)}"`;
}

function matchesEtag(header: string, etag: string | null): boolean {
  if (header.trim() === '*') return etag !== null;
  return header.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag ?? '\u0000');
}

const HEADER = /^(?:#[^\n]*\n)+/;

/**
 * Edits one catalog entry for an officer: checks the precondition against the file on disk under a
 * lock shared by every replica, validates the whole resulting catalog and the entry's own examples,
 * then writes atomically, archives the new version, records the audit and swaps the snapshot.
 */
export class EntryEditor {
  constructor(private readonly store: CatalogStore) {}

  private file(id: string): string {
    return join(this.store.catalogDir, ENTRIES_DIR, `${id}.yaml`);
  }

  private async readCurrent(id: string): Promise<{ text: string | null; entry: EntryFile | null; etag: string | null }> {
    let text: string;
    try {
      text = await readFile(this.file(id), 'utf8');
    } catch {
      return { text: null, entry: null, etag: null };
    }
    const parsed = parseCatalogFile(this.file(id), text, entrySchema);
    if (!parsed.ok) {
      return { text, entry: null, etag: `"broken-${createHash('sha256').update(text).digest('hex').slice(0, 16)}"` };
    }
    return { text, entry: parsed.value, etag: entryEtag(parsed.value) };
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    return this.store.exclusive(task);
  }

  /** The entry as it is on disk, with its ETag. */
  async get(id: string): Promise<{ entry: EntryFile; etag: string } | null> {
    const current = await this.readCurrent(id);
    return current.entry && current.etag ? { entry: current.entry, etag: current.etag } : null;
  }

  /** Creates or replaces an entry. `body` is unvalidated JSON from the officer. */
  put(req: EditRequest, body: unknown): Promise<EditResult> {
    return this.locked(async () => {
      const current = await this.readCurrent(req.id);
      this.checkPrecondition(req, current.etag);
      const parsed = entrySchema.safeParse(body);
      if (!parsed.success) {
        throw new EditRejected({
          kind: 'invalid',
          problems: parsed.error.issues.map((i) => ({ file: `${req.id}.yaml`, field: i.path.join('.'), message: i.message })),
        });
      }
      const entry = parsed.data;
      if (entry.id !== req.id) {
        throw new EditRejected({ kind: 'invalid', problems: [{ file: `${req.id}.yaml`, field: 'id', message: `must be "${req.id}", the id in the address` }] });
      }
      return this.commit(req, current, entry);
    });
  }

  /** Removes an entry; the catalog must keep at least one. */
  delete(req: EditRequest): Promise<EditResult> {
    return this.locked(async () => {
      const current = await this.readCurrent(req.id);
      if (current.text === null) throw new EditRejected({ kind: 'not-found' });
      this.checkPrecondition(req, current.etag);
      return this.commit(req, current, null);
    });
  }

  private checkPrecondition(req: EditRequest, etag: string | null): void {
    if (req.ifNoneMatch !== undefined) {
      if (req.ifNoneMatch.trim() === '*' ? etag !== null : matchesEtag(req.ifNoneMatch, etag)) {
        throw new EditRejected({ kind: 'precondition-failed', currentEtag: etag });
      }
      return;
    }
    if (req.ifMatch === undefined) throw new EditRejected({ kind: 'precondition-required' });
    if (!matchesEtag(req.ifMatch, etag)) throw new EditRejected({ kind: 'precondition-failed', currentEtag: etag });
  }

  private async commit(
    req: EditRequest,
    current: { text: string | null; entry: EntryFile | null },
    entry: EntryFile | null,
  ): Promise<EditResult> {
    const loaded = await loadCatalogSource(this.store.catalogDir, { skipEntry: req.id, known: this.store.readFiles() });
    if (!loaded.ok) throw new EditRejected({ kind: 'catalog-broken', problems: loaded.problems });
    const entries = loaded.source.entries.filter((e) => e.id !== req.id);
    if (entry) entries.push(entry);
    const problems = crossCheck(entries.map((e) => ({ file: `${e.id}.yaml`, entry: e })));
    if (entries.length === 0) problems.push({ file: req.id, field: '', message: 'the catalog must keep at least one entry' });
    if (problems.length > 0) throw new EditRejected({ kind: 'invalid', problems });

    const at = new Date();
    const source = { settings: loaded.source.settings, entries };
    const next = buildSnapshot(source, at);
    if (entry) {
      const failures = checkExamples(next, entry.id);
      if (failures.length > 0) throw new EditRejected({ kind: 'examples-failed', failures });
    }
    // The version on disk the edit applies to, which a replica that has not reloaded may not hold.
    const others = loaded.source.entries.filter((e) => e.id !== req.id);
    const fromVersion = current.entry
      ? catalogVersion({ settings: loaded.source.settings, entries: [...others, current.entry] })
      : current.text === null
        ? catalogVersion({ settings: loaded.source.settings, entries: others })
        : (this.store.current()?.version ?? null);
    try {
      if (entry) {
        const header = current.text?.match(HEADER)?.[0] ?? '# yaml-language-server: $schema=../schema/entry.schema.json\n';
        await writeFileAtomic(this.file(req.id), header + yamlLib().stringify(entry, { lineWidth: 120 }));
      } else {
        await removeFileDurably(this.file(req.id));
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new EditRejected({ kind: 'read-only' });
      throw err;
    }
    // Audit before publishing: a crash in between leaves a version that the next reload audits itself.
    await this.store.audit.append({
      id: randomUUID(),
      at: at.toISOString(),
      actor: req.actor,
      action: entry ? (current.entry || current.text ? 'update' : 'create') : 'delete',
      entryId: req.id,
      reason: req.reason,
      fromVersion,
      toVersion: next.version,
      before: current.entry,
      after: entry,
    });
    await this.store.publish(next);
    return { etag: entry ? entryEtag(entry) : null, version: next.version, created: !current.text && !!entry, entry };
  }
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLineDurably } from './atomic-write';

export type AuditAction = 'create' | 'update' | 'delete' | 'reload';

/** One change to the catalog: who, when, why, and what it was before and after. */
export type AuditRecord = {
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  entryId: string | null;
  reason: string;
  fromVersion: string | null;
  toVersion: string;
  before: unknown;
  after: unknown;
  /** For reloads from disk: the entries whose content changed. */
  changedEntries?: string[];
};

/** An append-only JSON Lines log of catalog changes; every line is flushed before the change is acknowledged. */
export class AuditLog {
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'audit.jsonl');
  }

  async append(record: AuditRecord): Promise<void> {
    await appendLineDurably(this.path, JSON.stringify(record));
  }

  /** Newest first. A torn last line (a crash mid-append) is skipped, not fatal. */
  async list(options: { limit?: number; entryId?: string } = {}): Promise<AuditRecord[]> {
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return [];
    }
    const records: AuditRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line) as AuditRecord);
      } catch {
        continue;
      }
    }
    const filtered = options.entryId ? records.filter((r) => r.entryId === options.entryId) : records;
    return filtered.reverse().slice(0, options.limit ?? 100);
  }
}

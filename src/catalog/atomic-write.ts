import { randomBytes } from 'node:crypto';
import { closeSync, constants, mkdirSync, openSync, writeFile } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new, never a
 * mix: a temporary file in the same folder, fsync, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryFor(path);
  const handle = await open(tmp, 'w', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  await putInPlace(tmp, path);
}

/** Renames a durable temporary file over its target and flushes the folder; on failure the temporary file goes. */
async function putInPlace(tmp: string, path: string): Promise<void> {
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dirname(path));
}

function temporaryFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** A file being written: durable under a temporary name first, then put in place or thrown away. */
export type PendingFile = {
  /** Settles once the content is durable under its temporary name. */
  written: Promise<void>;
  /** Puts the file in place (rename, then the folder flushed); call after `written` has settled. */
  commit(): Promise<void>;
  /** Throws the temporary file away. */
  abort(): Promise<void>;
};

/**
 * Starts writing a file whose content is known now, on the thread pool (one synchronous write), so
 * the caller can go on; nothing appears under `path` until `commit`. A crash before it leaves only a
 * temporary file, never a file in place that its caller did not mean to keep.
 */
export function beginFileAtomic(path: string, content: string): PendingFile {
  const data = Buffer.from(content, 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  const tmp = temporaryFor(path);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_SYNC, 0o644);
  // fs.writeFile on a descriptor writes it all, on the thread pool, from the start of the new file.
  const written = new Promise<void>((resolve, reject) =>
    writeFile(fd, data, (err) => {
      try {
        closeSync(fd);
      } catch (closeErr) {
        err ??= closeErr as NodeJS.ErrnoException;
      }
      if (err) reject(err);
      else resolve();
    }),
  );
  written.catch(() => undefined);
  return {
    written,
    async commit() {
      try {
        await written;
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      await putInPlace(tmp, path);
    },
    async abort() {
      await written.catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

/** Removes a file and makes the removal durable. */
export async function removeFileDurably(path: string): Promise<void> {
  await rm(path, { force: true });
  await syncDir(dirname(path));
}

/** Appends one line and flushes it to disk before returning. */
export async function appendLineDurably(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a+', 0o644);
  try {
    // A crash mid-append leaves a last line without its newline: start a fresh line so the torn one
    // stays alone (and is skipped by readers) instead of swallowing this record.
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    const torn = size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a;
    await handle.writeFile(`${torn ? '\n' : ''}${line}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

import type { ServerResponse } from 'node:http';

/** How long a reader may leave a streamed answer unread before its connection is closed. */
export const STALL_MS = 30_000;

/** What writing a streamed answer needs of a response. */
export type StreamedAnswer = Pick<ServerResponse, 'write' | 'destroy' | 'destroyed' | 'writableEnded' | 'socket' | 'on' | 'off'>;

/**
 * Writes a slice of a streamed answer, then waits: for the next turn of the event loop (other
 * requests get theirs), or, when the socket's buffer is full, for it to drain. A reader that reads
 * nothing for `stallMs` is hung up on. False when the connection is gone: the rest is not worth
 * computing.
 */
export async function written(res: StreamedAnswer, text: string | Uint8Array, stallMs = STALL_MS): Promise<boolean> {
  if (gone(res)) return false;
  if (res.write(text)) {
    await new Promise((resolve) => setImmediate(resolve));
    return !gone(res);
  }
  await new Promise<void>((resolve) => {
    const go = () => {
      clearTimeout(timer);
      res.off('drain', go);
      res.off('close', go);
      resolve();
    };
    const timer = setTimeout(() => {
      res.destroy();
      go();
    }, stallMs);
    res.on('drain', go);
    res.on('close', go);
  });
  return !gone(res);
}

/**
 * Whether the connection closed under the answer (the client hung up, or was hung up on). An answer
 * without a socket yet is not gone: it waits its turn behind an earlier answer on the connection.
 */
export function gone(res: StreamedAnswer): boolean {
  return res.destroyed || res.writableEnded || res.socket?.destroyed === true;
}

import { EventEmitter } from 'node:events';
import { gone, written, type StreamedAnswer } from '../../src/http/stream-answer';

// A response whose socket buffer is full or not, as the test says.
class FakeAnswer extends EventEmitter {
  destroyed = false;
  writableEnded = false;
  socket: { destroyed: boolean } | null = { destroyed: false };
  full = false;
  chunks: string[] = [];
  write(text: string): boolean {
    this.chunks.push(text);
    return !this.full;
  }
  destroy(): this {
    this.destroyed = true;
    if (this.socket) this.socket.destroyed = true;
    return this;
  }
}
const answer = (init: Partial<FakeAnswer> = {}) => Object.assign(new FakeAnswer(), init);
const as = (f: FakeAnswer) => f as unknown as StreamedAnswer;
const settled = async (p: Promise<boolean>, ms = 50) => Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('writing a slice of a streamed answer', () => {
  it('goes on at the next turn when the socket takes it', async () => {
    const res = answer();
    await expect(written(as(res), 'a')).resolves.toBe(true);
    expect(res.chunks).toEqual(['a']);
  });

  it('waits for a full buffer to drain, then goes on', async () => {
    const res = answer({ full: true });
    const p = written(as(res), 'a');
    await expect(settled(p)).resolves.toBe('pending');
    res.emit('drain');
    await expect(p).resolves.toBe(true);
    expect(res.listenerCount('drain') + res.listenerCount('close')).toBe(0);
  });

  it('stops when the client hangs up while the buffer is full', async () => {
    const res = answer({ full: true });
    const p = written(as(res), 'a');
    res.socket!.destroyed = true;
    res.emit('close');
    await expect(p).resolves.toBe(false);
    expect(res.listenerCount('drain') + res.listenerCount('close')).toBe(0);
  });

  it('hangs up on a reader that reads nothing for the stall time, and stops', async () => {
    const res = answer({ full: true });
    await expect(written(as(res), 'a', 30)).resolves.toBe(false);
    expect(res.destroyed).toBe(true);
    expect(res.listenerCount('drain') + res.listenerCount('close')).toBe(0);
  });

  it('writes nothing once the connection is gone', async () => {
    const res = answer({ socket: { destroyed: true } });
    await expect(written(as(res), 'a')).resolves.toBe(false);
    expect(res.chunks).toEqual([]);
  });

  it('waits, not stops, for an answer queued behind another on its connection (no socket yet)', async () => {
    const res = answer({ socket: null, full: true });
    expect(gone(as(res))).toBe(false);
    const p = written(as(res), 'a');
    await expect(settled(p)).resolves.toBe('pending');
    res.socket = { destroyed: false };
    res.emit('drain');
    await expect(p).resolves.toBe(true);
  });
});

import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** A pino logger at `level` whose JSON lines are kept in memory. */
export function capturedLogger(level = 'info'): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level }, stream);
  const text = () => chunks.join('');
  return { logger, text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

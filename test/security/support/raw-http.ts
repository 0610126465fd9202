import { createServer, request, type Agent, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Express } from 'express';
import { guardServer } from '../../../src/http/middleware/client-error';

export type RawRequest = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean };
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** The app on an ephemeral loopback port, guarded as `server.ts` guards it. */
export async function listen(app: Express): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const server = guardServer(createServer(app));
  // As server.ts sets them: a counter's kept-alive connection outlives a load balancer's idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One request over Node's client; rejects only when the connection fails (refused, reset, timed out). */
export function send(port: number, req: RawRequest, agent?: Agent, timeoutMs = 20_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Framed explicitly: Node's client frames a body by itself only for methods that usually carry one.
    const framing = req.body === undefined ? {} : req.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(Buffer.byteLength(req.body)) };
    const headers = { ...req.headers, ...framing };
    const r = request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    r.on('error', reject);
    if (req.body === undefined) r.end();
    else if (req.chunked) {
      const body = Buffer.from(req.body);
      const half = Math.floor(body.length / 2);
      r.write(body.subarray(0, half));
      r.end(body.subarray(half));
    } else r.end(req.body);
  });
}

/** Bytes written straight to a socket, for what no HTTP client would send; resolves with what came back. */
export function sendRaw(port: number, bytes: string | Buffer, waitMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(waitMs, () => socket.destroy());
  });
}

/** What is wrong with an answer that should be an RFC 9457 problem; empty when nothing is. */
export function problemViolations(res: RawResponse, method = 'GET'): string[] {
  const out: string[] = [];
  if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) out.push(`content-type ${res.headers['content-type']}`);
  if (!res.headers['x-request-id']) out.push('no X-Request-Id header');
  if (method === 'HEAD') return out;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...out, `body is not JSON: ${res.body.slice(0, 80)}`];
  }
  if (body.status !== res.status) out.push(`body status ${String(body.status)} is not ${res.status}`);
  if (typeof body.title !== 'string' || !body.title) out.push('no title');
  if (typeof body.requestId !== 'string' || body.requestId !== res.headers['x-request-id']) out.push('requestId missing or not the header');
  if ('decision' in body) out.push('a problem that carries a decision');
  return out;
}

import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblem, problemBody, type ProblemType } from '../problem';

const BY_CODE: Record<string, ProblemType> = {
  HPE_HEADER_OVERFLOW: 'header-fields-too-large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request-timeout',
};

function problemJson(type: ProblemType, detail: string): { status: number; requestId: string; json: string } {
  const problem = new HttpProblem(type, detail);
  const { instance: _unknown, ...body } = problemBody(problem, '', randomUUID());
  return { status: problem.status, requestId: String(body.requestId), json: JSON.stringify(body) };
}

/** Writes a whole problem+json answer on a raw socket and closes it. */
function endWithProblem(socket: Duplex, type: ProblemType, detail: string): void {
  const p = problemJson(type, detail);
  socket.end(
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(p.json)}\r\nX-Request-Id: ${p.requestId}\r\nConnection: close\r\n\r\n${p.json}`,
  );
}

/**
 * For the server's `clientError` event: what Node's HTTP parser refuses before Express sees it
 * (headers over the size limit, a malformed request line, a request too slow to arrive).
 * @see https://nodejs.org/api/http.html#event-clienterror
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  endWithProblem(socket, BY_CODE[err.code ?? ''] ?? 'invalid-request', 'The request could not be parsed as HTTP/1.1.');
}

/**
 * Answers as problem+json, like every other 4xx, what Node would otherwise answer bare or drop:
 * parser errors, CONNECT (dropped without a listener) and unknown `Expect` headers (a bare 417).
 */
export function guardServer(server: Server): Server {
  server.on('clientError', answerClientError);
  server.on('connect', (_req, socket: Duplex) => endWithProblem(socket, 'method-not-allowed', 'CONNECT is not served here.'));
  server.on('checkExpectation', (req, res: ServerResponse) => {
    const p = problemJson('expectation-failed', `Only "Expect: 100-continue" is understood, not "${String(req.headers.expect).slice(0, 64)}".`);
    res.writeHead(p.status, { 'Content-Type': 'application/problem+json', 'X-Request-Id': p.requestId, Connection: 'close' }).end(p.json);
  });
  return server;
}

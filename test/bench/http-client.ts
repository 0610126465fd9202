import { Agent, request } from 'node:http';

export type Answer = { status: number; text: string };

/** A client that keeps one loopback connection open, as counter software would. */
export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

export function postJson(url: string, body: string, agent: Agent, accept = 'application/json'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method: 'POST', agent, timeout: 120_000, headers: { 'content-type': 'application/json', accept, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 120 s`)));
    req.on('error', fail);
    req.end(body);
  });
}

export function getText(url: string): Promise<Answer> {
  return new Promise((done, fail) => {
    request(url, { agent: false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    })
      .on('error', fail)
      .end();
  });
}

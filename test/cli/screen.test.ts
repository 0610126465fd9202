import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { runScreen } from '../../src/cli/screen';
import { startTestService, type TestService } from '../support/service';

// npm run screen: the example manifest screened here and on a service gives the decisions kept in
// examples/manifests, line by line; bad input and unreachable services say so with their exit codes.
const MANIFEST = resolve(__dirname, '..', '..', 'examples', 'manifests', 'counter-day.jsonl');
const EXPECTED = resolve(__dirname, '..', '..', 'examples', 'manifests', 'counter-day.decisions.jsonl');

type Compact = { line: number; decision?: string; items?: string[]; errors?: string[] };

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runScreen(args, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** A result line reduced to what the example keeps: decisions, or the fields in error. */
function compact(line: string): Compact {
  const r = JSON.parse(line) as { line: number; decision?: string; items?: { decision: string }[]; errors?: { field: string }[] };
  return r.errors ? { line: r.line, errors: r.errors.map((e) => e.field) } : { line: r.line, decision: r.decision, items: r.items!.map((i) => i.decision) };
}

const readLines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());

let dir: string;
let service: TestService;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'screen-cli-'));
  service = await startTestService();
  server = service.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await service.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('the example manifest', () => {
  const modes: [string, () => string[]][] = [
    ['here, with the bundled catalog', () => []],
    ['on a running service, in chunks of 4', () => ['--url', url, '--chunk', '4']],
  ];
  it.each(modes)('%s: one result per line, as kept in examples/manifests', async (name, extra) => {
    const out = join(dir, `${name.split(',')[0]}.jsonl`);
    const { code, stdout } = await run([MANIFEST, '--out', out, '--quiet', ...extra()]);
    expect(code).toBe(0);
    const expected = (await readLines(EXPECTED)).map((l) => JSON.parse(l) as Compact);
    expect((await readLines(out)).map(compact)).toEqual(expected);
    const counts = (o: string) => expected.filter((e) => e.decision === o).length;
    expect(stdout).toMatch(new RegExp(`REJECT +${counts('REJECT')} declarations`));
    expect(stdout).toMatch(new RegExp(`ACCEPT +${counts('ACCEPT')} declarations`));
    expect(stdout).toMatch(new RegExp(`invalid +${expected.filter((e) => e.errors).length} lines`));
  });

  it('names each invalid line with its fields', async () => {
    const { stdout } = await run([MANIFEST, '--out', join(dir, 'invalid.jsonl'), '--quiet']);
    expect(stdout).toContain('line 8: (line): not a JSON declaration');
    expect(stdout).toContain('line 11: items[0].description: must not be empty; itemId: wrong S10 check digit');
    expect(stdout).toContain('line 13: items: at least one item');
  });

  it('screens a whole manifest on the service with one catalog version', async () => {
    const out = join(dir, 'pinned.jsonl');
    await run([MANIFEST, '--out', out, '--quiet', '--url', url, '--chunk', '2']);
    const versions = new Set((await readLines(out)).map((l) => (JSON.parse(l) as { catalog?: { version: string } }).catalog?.version).filter(Boolean));
    expect([...versions]).toEqual([service.store.current()!.version]);
  });
});

// A service that fails mid-answer: the start of a streamed batch answer, then the connection ends.
let cutOff: Server;
let cutOffUrl: string;
beforeAll(async () => {
  cutOff = createServer((req, res) => {
    req.resume().on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.write('{"results":[{"index":0,"decision":"ACCEPT"');
      setImmediate(() => res.destroy());
    });
  });
  cutOff.listen(0, '127.0.0.1');
  await new Promise((r) => cutOff.once('listening', r));
  cutOffUrl = `http://127.0.0.1:${(cutOff.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => cutOff.close(r));
});

describe('exit codes', () => {
  const cases: [string, { given: () => string[]; want: { code: number; stderr: RegExp } }][] = [
    ['a manifest that does not exist cannot be read', { given: () => [join(dir, 'missing.jsonl')], want: { code: 1, stderr: /cannot read .*missing\.jsonl/ } }],
    ['a folder is not a manifest', { given: () => [dir], want: { code: 1, stderr: /cannot read/ } }],
    ['--url and --catalog together', { given: () => [MANIFEST, '--url', url, '--catalog', 'catalog'], want: { code: 2, stderr: /not both/ } }],
    ['no manifest', { given: () => [], want: { code: 2, stderr: /exactly one manifest/ } }],
    ['a chunk larger than the batch limit', { given: () => [MANIFEST, '--chunk', '5000'], want: { code: 2, stderr: /--chunk/ } }],
    ['a catalog folder that does not validate', { given: () => [MANIFEST, '--catalog', dir, '--out', join(dir, 'x.jsonl')], want: { code: 3, stderr: /does not validate/ } }],
    ['a service that does not answer', { given: () => [MANIFEST, '--url', 'http://127.0.0.1:9', '--out', join(dir, 'y.jsonl'), '--quiet'], want: { code: 3, stderr: /cannot reach/ } }],
    ['a service whose answer is cut off', { given: () => [MANIFEST, '--url', cutOffUrl, '--out', join(dir, 'z.jsonl'), '--quiet'], want: { code: 3, stderr: /cut off/ } }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const { code, stderr } = await run(given());
    expect({ code, stderr }).toEqual({ code: want.code, stderr: expect.stringMatching(want.stderr) });
  });
});

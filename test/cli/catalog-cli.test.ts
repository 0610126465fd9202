import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCatalogCommand } from '../../src/cli/catalog';
import { catalogCopy, removeCopies, ROOT, setIn } from './catalog-copy';

const run = promisify(execFile);
afterAll(removeCopies);

// What `npm run catalog` runs, minus npx's lookup: the local tsx on src/cli/catalog.ts.
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The command as an officer runs it: its exit code and both streams. */
async function catalog(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/catalog.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each spawn costs seconds of tsx start-up, more on a busy machine.
jest.setTimeout(90_000);

describe('npm run catalog', () => {
  it('validates the bundled catalog by default and prints its content version', async () => {
    const r = await catalog('validate');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^catalog\/ is valid: .*\ncontent version [0-9a-f]{16}\n$/);
  });

  it('exits 1 and prints file:line:column field: message for a broken copy', async () => {
    const dir = await catalogCopy();
    await setIn(dir, 'entries/medical-masks.yaml', ['rules', 0, 'effective', 'from'], '2020-02-30');
    const r = await catalog('validate', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/entries\/medical-masks\.yaml:\d+:\d+ rules\.0\.effective\.from: not a date/);
  });

  it('exits 0 on diff with the changes on stdout', async () => {
    const dir = await catalogCopy();
    await setIn(dir, 'entries/medical-masks.yaml', ['rules', 0, 'effective', 'to'], '2020-03-01');
    const r = await catalog('diff', 'catalog', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('medical-masks / vn-outbound-suspension-2020: now ends 2020-03-01 (was open-ended)');
  });

  it('exits 2 with the usage on an unknown command', async () => {
    const r = await catalog('publish');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "publish"[\s\S]*validate \[dir\]/);
  });
});

describe('runCatalogCommand', () => {
  it.each([
    ['no command', 2, [], /validate \[dir\]/],
    ['an unknown command', 2, ['publish'], /unknown command "publish"/],
    ['a missing argument', 2, ['diff', 'catalog'], /wrong number of arguments for diff/],
    ['too many arguments', 2, ['validate', 'a', 'b'], /wrong number of arguments for validate/],
    ['an unknown option', 2, ['validate', '--fix'], /unknown option --fix/],
    ['--check outside schema', 2, ['test', '--check'], /unknown option --check/],
    ['help', 0, ['help'], /diff A B/],
  ] as const)('answers %s with exit %i', async (_name, code, args, message) => {
    const r = await runCatalogCommand(args);
    expect(r.code).toBe(code);
    expect([...r.out, ...r.err].join('\n')).toMatch(message);
  });
});

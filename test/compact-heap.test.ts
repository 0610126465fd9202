import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = resolve(__dirname, '..', 'src', 'compact-heap.ts');
let dir: string;
let MODULE: string;

// The module as plain JavaScript, so the child's heap holds no TypeScript loader of its own.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'compact-heap-'));
  MODULE = join(dir, 'compact-heap.js');
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  writeFileSync(MODULE, outputText);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A fresh process that leaves its live objects spread thinly over many pages (as a catalog's load
 * does), collects once, then either compacts or collects again; it prints its heap's size in MB.
 */
function heapAfter(step: 'compact' | 'collect'): number {
  const script = `
    const { setFlagsFromString } = require('node:v8');
    const { runInNewContext } = require('node:vm');
    const { compactHeap } = require(${JSON.stringify(MODULE)});
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc');
    const kept = [];
    let garbage = [];
    for (let n = 0; n < 2000000; n++) {
      const o = { n, text: 'object ' + n };
      if (n % 7 === 0) kept.push(o); else garbage.push(o);
      if (garbage.length > 100000) garbage = [];
    }
    garbage = [];
    collect();
    const result = ${'$'}{STEP};
    console.log(JSON.stringify({ heapTotal: process.memoryUsage().heapTotal, kept: kept.length, result }));
  `.replace('${STEP}', step === 'compact' ? 'compactHeap()' : 'collect()');
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const { heapTotal, kept, result } = JSON.parse(out.trim().split('\n').pop()!) as { heapTotal: number; kept: number; result?: { ms: number; heapTotalBefore: number; heapTotalAfter: number } };
  expect(kept).toBe(285_715);
  if (step === 'compact') {
    expect(result!.ms).toBeGreaterThan(0);
    expect(result!.heapTotalAfter).toBeLessThan(result!.heapTotalBefore);
  }
  return heapTotal;
}

describe('compactHeap', () => {
  it('gives back pages that an ordinary full collection keeps', () => {
    const collected = heapAfter('collect');
    const compacted = heapAfter('compact');
    // Measured: 92 MB after a second ordinary collection, 65 MB after a compaction.
    expect(compacted).toBeLessThan(collected * 0.8);
  }, 30_000);
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { components } from '../../src/http/generated/openapi';
import type { screeningResponse } from '../../src/http/map-decision';
import type { FieldError, ProblemType } from '../../src/http/problem';
import type { Evidence, Match, Outcome, PostalEvent, ReasonCode } from '../../src/screening/types';

// The generated types are committed so that clients typecheck without a build step; they must be
// what openapi-typescript makes of the document today.

const ROOT = resolve(__dirname, '..', '..');
const COMMITTED = join(ROOT, 'src', 'http', 'generated', 'openapi.d.ts');
const CLI = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

it('the committed openapi.d.ts is what openapi/openapi.yaml generates', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'openapi-types-'));
  try {
    const fresh = join(dir, 'openapi.d.ts');
    await promisify(execFile)(process.execPath, [CLI, 'openapi/openapi.yaml', '-o', fresh], { cwd: ROOT });
    const [want, got] = await Promise.all([readFile(fresh, 'utf8'), readFile(COMMITTED, 'utf8')]);
    // On failure: npx openapi-typescript openapi/openapi.yaml -o src/http/generated/openapi.d.ts
    expect({ stale: got !== want, lines: got.split('\n').length }).toEqual({ stale: false, lines: want.split('\n').length });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Compile-time agreement between the document's types and the code's (checked by `npm run typecheck`,
// which `npm test` runs first): a renamed field or a new enum value fails the build.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
type Fits<A, B> = [Mutable<A>] extends [B] ? true : false;
type Schemas = components['schemas'];

const agreement = {
  reasonCodes: true satisfies Equal<Schemas['ReasonCode'], ReasonCode>,
  outcomes: true satisfies Equal<Schemas['Outcome'], Outcome>,
  postalEvents: true satisfies Equal<Schemas['PostalEvent'], PostalEvent>,
  evidence: true satisfies Equal<Schemas['Match']['evidence'], Evidence>,
  matchKinds: true satisfies Equal<Schemas['Match']['kind'], Match['kind']>,
  problemTypes: true satisfies Equal<Schemas['ProblemType'], `/problems/${ProblemType}`>,
  fieldErrors: true satisfies Equal<Schemas['FieldError'], FieldError>,
  screeningAnswer: true satisfies Fits<ReturnType<typeof screeningResponse>, Schemas['Screening']>,
  // Members with a server-side default stay optional for clients.
  smallestDeclaration: true satisfies Fits<{ origin: { country: string }; destination: { country: string }; items: { description: string }[] }, Schemas['Declaration']>,
};

it.each(Object.entries(agreement))('the document and the code agree on %s', (_name, agrees) => {
  expect(agrees).toBe(true);
});

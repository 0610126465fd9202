/**
 * Writes examples/responses/{name}.json from examples/requests/{name}.json by asking the real service
 * (bundled catalog, a clock fixed at 10:00 on 10/02/2020 in Hanoi). Run after a deliberate change to
 * the answers or the catalog: `npx tsx examples/regenerate.ts`, then read the diff before committing.
 * test/examples/replay.test.ts replays the same requests and fails when an answer drifts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { startTestService, type TestService } from '../test/support/service';

export const REQUESTS = join(__dirname, 'requests');
export const RESPONSES = join(__dirname, 'responses');
/** 10:00 in Hanoi on a day the letter's rule is in force; used by requests without a `date`. */
export const CLOCK = new Date('2020-02-10T03:00:00Z');
/** Stands for the random id of each screening, so regenerating changes no line for nothing. */
export const SCREENING_ID = '00000000-0000-4000-8000-000000000000';

export type Answer = { status: number; body: Record<string, unknown> };

export async function exampleNames(): Promise<string[]> {
  return (await readdir(REQUESTS)).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
}

export async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8'));
}

export function startExampleService(): Promise<TestService> {
  return startTestService({ clock: () => CLOCK });
}

/** The service's answer to an example, with the request id named after it so problems are stable. */
export async function answer(app: Express, name: string): Promise<Answer> {
  const body = await readJson(join(REQUESTS, `${name}.json`));
  const res = await request(app).post('/v1/screenings').set('X-Request-Id', `example-${name}`).send(body);
  return { status: res.status, body: res.body };
}

/** The answer as stored: the random screening id replaced by a fixed one. */
export function stored(body: Record<string, unknown>): Record<string, unknown> {
  return 'screeningId' in body ? { ...body, screeningId: SCREENING_ID } : body;
}

async function main(): Promise<void> {
  const service = await startExampleService();
  try {
    for (const name of await exampleNames()) {
      const { status, body } = await answer(service.app, name);
      await writeFile(join(RESPONSES, `${name}.json`), `${JSON.stringify(stored(body), null, 2)}\n`);
      console.log(`${name}: ${status} ${body.decision ?? body.type}`);
    }
  } finally {
    await service.cleanup();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

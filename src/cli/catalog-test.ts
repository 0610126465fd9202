import { existsSync } from 'node:fs';
import { checkExamples, type ExampleFailure } from '../catalog/check-examples';
import { buildSnapshot, type CatalogSnapshot } from '../catalog/snapshot';
import { goldenPath, result, shown, shownDir, type CommandResult } from './catalog-command';
import { readGolden, runGolden, type GoldenRun } from './catalog-golden';
import { catalogProblems, formatProblem } from './catalog-validate';

function countExamples(snapshot: CatalogSnapshot): number {
  return snapshot.source.entries.reduce((n, e) => n + e.examples.reject.length + e.examples.review.length + e.examples.accept.length, 0);
}

function exampleLine(f: ExampleFailure): string {
  const hs = f.hsCode ? ` with HS ${f.hsCode}` : '';
  return `✗ ${f.entryId}: example "${f.description}"${hs} must ${f.expected}, but the catalog reads it as ${f.got} (score ${f.score.toFixed(2)})`;
}

function goldenLines(file: string, run: GoldenRun): string[] {
  const { golden, declaration: d, decision } = run;
  const item = decision.items[0];
  const hs = golden.golden.hsCode ? ` HS ${golden.golden.hsCode}` : '';
  const matches = item.matches.map((m) => `${m.entryId} "${m.matchedText}" ${m.score.toFixed(2)}${m.ruleId ? ` rule ${m.ruleId}` : ' (no rule in force)'}`);
  return [
    `✗ ${shown(file)}:${golden.line} "${golden.golden.description}"${hs} on ${d.date}, ${d.origin} → ${d.destination}, ${d.event}: ${run.failure}`,
    `    reasons: ${item.reasons.map((r) => r.code + (r.entryId ? ` (${r.entryId})` : '')).join(', ') || 'none'}`,
    ...(matches.length ? [`    matches: ${matches.join('; ')}`] : []),
    ...(golden.golden.note ? [`    note: ${golden.golden.note}`] : []),
  ];
}

/**
 * `test [dir]`: each entry's own examples and the golden decisions, through the production loader,
 * snapshot and screening core, so what passes here is what the counter will see.
 */
export async function testCommand(dir: string): Promise<CommandResult> {
  const { loaded, problems } = await catalogProblems(dir);
  if (!loaded.ok || problems.length > 0) {
    return result(1, [], [...problems.map(formatProblem), 'The catalog does not validate; fix it before testing.']);
  }
  const snapshot = buildSnapshot(loaded.source, new Date());
  const out = [`catalog ${shownDir(dir)}: content version ${snapshot.version}`];
  const err: string[] = [];

  const exampleFailures = checkExamples(snapshot);
  const examples = countExamples(snapshot);
  err.push(...exampleFailures.map(exampleLine));
  out.push(`examples: ${examples - exampleFailures.length} of ${examples} read as their authors wrote them`);

  const file = goldenPath(dir);
  let goldenFailures = 0;
  if (existsSync(file)) {
    const runs = runGolden(snapshot, (await readGolden(file)).cases);
    const failed = runs.filter((r) => r.failure);
    goldenFailures = failed.length;
    err.push(...failed.flatMap((r) => goldenLines(file, r)));
    out.push(`golden:   ${runs.length - failed.length} of ${runs.length} decisions as recorded in ${shown(file)}`);
  } else {
    out.push(`golden:   no ${shown(file)}; only the examples were run`);
  }

  const failures = exampleFailures.length + goldenFailures;
  if (failures === 0) return result(0, [...out, 'PASS'], err);
  return result(1, out, [...err, `FAIL: ${failures} check${failures === 1 ? '' : 's'} failed`]);
}

import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testCommand } from '../../src/cli/catalog-test';
import { BUNDLED, catalogCopy, editYaml, removeCopies, setIn } from './catalog-copy';

afterAll(removeCopies);

async function flipGolden(dir: string, description: string, expect: string): Promise<number> {
  const file = join(dir, 'golden.jsonl');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((l) => l.includes(`"description": "${description}"`));
  if (at < 0) throw new Error(`no golden line for ${description}`);
  lines[at] = JSON.stringify({ ...JSON.parse(lines[at]), expect });
  await writeFile(file, lines.join('\n'));
  return at + 1;
}

describe('catalog test', () => {
  it('passes on the bundled catalog, examples and golden decisions alike', async () => {
    const r = await testCommand(BUNDLED);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const [, run, of] = /golden: +(\d+) of (\d+)/.exec(r.out.join('\n'))!;
    expect(run).toBe(of);
    expect(Number(of)).toBeGreaterThanOrEqual(40);
  });

  // [what is wrong, how the copy is broken, what the officer must read]
  const cases: [string, (dir: string) => Promise<unknown>, RegExp][] = [
    [
      'a golden decision recorded wrongly',
      (dir) => flipGolden(dir, 'Mặt nạ dưỡng da Innisfree', 'REJECT'),
      /golden\.jsonl:\d+ "Mặt nạ dưỡng da Innisfree" on 2020-02-10, VN → US, acceptance: expected REJECT, got ACCEPT/,
    ],
    [
      'a golden decision about the wrong entry',
      (dir) => appendFile(join(dir, 'golden.jsonl'), '{"description": "Khẩu trang y tế", "expect": "REJECT", "entry": "medical-gloves"}\n'),
      /not because of entry "medical-gloves"/,
    ],
    [
      'a golden decision naming an entry the catalog lacks',
      (dir) => appendFile(join(dir, 'golden.jsonl'), '{"description": "Khẩu trang y tế", "expect": "REJECT", "entry": "thermometers"}\n'),
      /entry "thermometers", which is not in the catalog/,
    ],
    [
      "an entry's example the catalog reads otherwise",
      (dir) => editYaml(dir, 'entries/medical-masks.yaml', (e) => e.examples.accept.push('Khẩu trang phẫu thuật')),
      /medical-masks: example "Khẩu trang phẫu thuật" must accept, but the catalog reads it as reject/,
    ],
    [
      'a catalog that does not validate',
      (dir) => setIn(dir, 'entries/medical-gloves.yaml', ['rules', 0, 'action'], 'refuse'),
      /does not validate/,
    ],
  ];

  it.each(cases)('fails on %s', async (_name, breakIt, message) => {
    const dir = await catalogCopy();
    await breakIt(dir);
    const r = await testCommand(dir);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('gives the line of the wrong golden decision', async () => {
    const dir = await catalogCopy();
    const line = await flipGolden(dir, 'Surgical masks, 2 boxes of 50', 'REJECT');
    const r = await testCommand(dir);
    const golden = r.err.filter((l) => l.includes('golden.jsonl:'));
    expect(golden).toEqual([expect.stringContaining(`golden.jsonl:${line} "Surgical masks, 2 boxes of 50"`)]);
    expect(r.err.at(-1)).toMatch(/^FAIL: \d+ checks? failed$/);
  });
});

import { resolve } from 'node:path';
import { DEFAULT_CATALOG_DIR, result, type CommandResult } from './catalog-command';
import { diffCommand } from './catalog-diff';
import { newCommand } from './catalog-new';
import { schemaCommand } from './catalog-schema';
import { testCommand } from './catalog-test';
import { validateCommand } from './catalog-validate';

const USAGE = `Catalog tools for compliance officers: npm run catalog -- <command>

  validate [dir]        every problem of every file, as file:line:column field: message
  test [dir]            each entry's examples and the golden decisions (dir/golden.jsonl)
  diff A B              what changes, in plain words, from catalog folder A to catalog folder B
  new ID [dir]          writes dir/entries/ID.yaml, a commented scaffold to fill in
  schema [dir] [--check] writes dir/schema/*.schema.json for editors; --check only says if stale

dir defaults to the bundled catalog/. Golden lines without date, event, origin or destination are
screened on 2020-02-10, at acceptance, from VN to US.
Exit codes: 0 fine, 1 problems found, 2 wrong usage or an unexpected error.`;

const dirOf = (arg: string | undefined) => (arg ? resolve(arg) : DEFAULT_CATALOG_DIR);

/** Runs one command line (without `node script`), as the CLI and the tests do. */
export async function runCatalogCommand(argv: readonly string[]): Promise<CommandResult> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const [command, ...args] = argv.filter((a) => !a.startsWith('--'));
  const unknownFlag = flags.find((f) => !(command === 'schema' && f === '--check') && f !== '--help');
  if (!command || command === 'help' || flags.includes('--help')) return result(command ? 0 : 2, [USAGE]);
  if (unknownFlag) return result(2, [], [`unknown option ${unknownFlag}`, '', USAGE]);
  const arity: Record<string, [number, number]> = { validate: [0, 1], test: [0, 1], diff: [2, 2], new: [1, 2], schema: [0, 1] };
  const [min, max] = arity[command] ?? [-1, -1];
  if (min < 0) return result(2, [], [`unknown command "${command}"`, '', USAGE]);
  if (args.length < min || args.length > max) return result(2, [], [`wrong number of arguments for ${command}`, '', USAGE]);
  switch (command) {
    case 'validate':
      return validateCommand(dirOf(args[0]));
    case 'test':
      return testCommand(dirOf(args[0]));
    case 'diff':
      return diffCommand(resolve(args[0]), resolve(args[1]));
    case 'new':
      return newCommand(args[0], dirOf(args[1]));
    default:
      return schemaCommand(dirOf(args[0]), { check: flags.includes('--check') });
  }
}

async function main(): Promise<void> {
  const { code, out, err } = await runCatalogCommand(process.argv.slice(2));
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  if (err.length) process.stderr.write(`${err.join('\n')}\n`);
  process.exitCode = code;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  });
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getAlpha2Codes } from 'i18n-iso-countries';
import { z } from 'zod';
import { writeFileAtomic } from '../catalog/atomic-write';
import { countryCode, entrySchema, settingsSchema } from '../catalog/schema';
import { isCalendarDate } from '../screening/local-date';
import { result, SCHEMA_DIR, shown, type CommandResult } from './catalog-command';
import { ENTRY_HINTS, SETTINGS_HINTS } from './catalog-schema-hints';

type Json = Record<string, unknown>;

const COUNTRIES = Object.keys(getAlpha2Codes()).sort();

// Refinements carry no JSON Schema form; these give the editor the checks the loader makes.
// `definitions`, not `$defs`: the YAML language server reads draft-07, where that name is known.
function refinementHints(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  if (ctx.zodSchema === countryCode) ctx.jsonSchema.$ref = '#/definitions/countryCode';
  const checks = ((ctx.zodSchema as { _zod: { def: { checks?: { _zod: { def: { fn?: unknown } } }[] } } })._zod.def.checks ?? []);
  if (checks.some((c) => c._zod.def.fn === isCalendarDate)) ctx.jsonSchema.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
}

function describe(node: unknown, path: string[], hints: Record<string, string>): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Json;
  const hint = hints[path.join('.')];
  if (hint && path.length > 0 && n.description === undefined) n.description = hint;
  for (const [key, child] of Object.entries((n.properties as Json) ?? {})) describe(child, [...path, key], hints);
  if (n.items) describe(n.items, path, hints);
  if (n.additionalProperties && typeof n.additionalProperties === 'object') describe(n.additionalProperties, [...path, '*'], hints);
  for (const branch of [...((n.anyOf as unknown[]) ?? []), ...((n.oneOf as unknown[]) ?? [])]) describe(branch, path, hints);
}

function jsonSchemaOf(schema: z.ZodType, title: string, description: string, hints: Record<string, string>): Json {
  const generated = z.toJSONSchema(schema, {
    // The input side: fields with defaults stay optional, and pipes read as what the officer writes.
    io: 'input',
    override: (ctx) => refinementHints(ctx as unknown as { zodSchema: unknown; jsonSchema: Json }),
    // A future transform must not break generation; the loader still checks what the editor cannot.
    unrepresentable: () => ({ description: 'checked when the catalog loads' }),
  }) as Json;
  // One object may be shared by several fields; describe each on its own copy.
  const copy = JSON.parse(JSON.stringify(generated)) as Json;
  describe(copy, [], hints);
  const { $schema, ...rest } = copy;
  const usesCountries = JSON.stringify(rest).includes('#/definitions/countryCode');
  const definitions = usesCountries ? { countryCode: { type: 'string', description: 'ISO 3166-1 alpha-2, upper case (VN, US)', enum: COUNTRIES } } : undefined;
  return { $schema, title, description, ...rest, ...(definitions && { definitions }) };
}

/** The JSON Schemas editors use for catalog files, by file name, rendered as written to disk. */
export function catalogJsonSchemas(): Record<string, string> {
  const render = (s: Json) => `${JSON.stringify(s, null, 2)}\n`;
  return {
    'entry.schema.json': render(
      jsonSchemaOf(entrySchema, 'Restricted-goods catalog entry', 'One file of catalog/entries/. Generated from src/catalog/schema.ts by `npm run catalog -- schema`; do not edit.', ENTRY_HINTS),
    ),
    'settings.schema.json': render(
      jsonSchemaOf(settingsSchema, 'Catalog settings', 'catalog/catalog.yaml. Generated from src/catalog/schema.ts by `npm run catalog -- schema`; do not edit.', SETTINGS_HINTS),
    ),
  };
}

/** `schema [dir] [--check]`: writes the JSON Schemas, or with --check says whether they are current. */
export async function schemaCommand(dir: string, options: { check?: boolean } = {}): Promise<CommandResult> {
  const out: string[] = [];
  const stale: string[] = [];
  for (const [name, text] of Object.entries(catalogJsonSchemas())) {
    const path = join(dir, SCHEMA_DIR, name);
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === text) out.push(`${shown(path)} is current`);
    else if (options.check) stale.push(`${shown(path)} is stale: run npm run catalog -- schema`);
    else {
      await writeFileAtomic(path, text);
      out.push(`wrote ${shown(path)}`);
    }
  }
  return result(stale.length ? 1 : 0, out, stale);
}

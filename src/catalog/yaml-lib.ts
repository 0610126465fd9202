import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded the first time something needs it: a file that does not read on a fast
 * path, a problem's line and column, an edit written back. A catalog that loads cleanly never does.
 */
export function yamlLib(): typeof Yaml {
  return (lib ??= require('yaml') as typeof Yaml);
}

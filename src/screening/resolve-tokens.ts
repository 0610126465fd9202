import Fuse from 'fuse.js';
import { deletionsOf, MIN_FUZZY_LENGTH, type MatchIndex } from './match-index';
import { stem, type Token } from './normalize';

/** A description word read against the catalog's vocabulary. */
export type ResolvedToken = Token & {
  /** The word as written, after folding. */
  raw: string;
  /** Read through a typo, digits for letters, or letters split apart. */
  fuzzy: boolean;
};

const LEET: Record<string, string[]> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '6': ['g', 'b'],
  '8': ['b'],
  '9': ['g'],
  '@': ['a'],
  $: ['s'],
};
const MAX_BREAK_LENGTH = 40;
const MAX_FUZZY_SCORE = 0.5;

function known(index: MatchIndex, word: string): string | null {
  const s = stem(word);
  if (index.vocabulary.has(s)) return s;
  // A model number with a variant letter: 9001v, 1860s.
  const model = /^(\d{3,})[a-z]{1,2}$/.exec(word);
  return model && index.vocabulary.has(model[1]) ? model[1] : null;
}

/** Splits a glued word into vocabulary words (khautrang → khau trang), fewest pieces first. */
function breakWord(index: MatchIndex, word: string): string[] | null {
  const n = word.length;
  if (n < MIN_FUZZY_LENGTH || n > MAX_BREAK_LENGTH) return null;
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= n; i++) {
    best[i] = null;
    for (let j = Math.max(0, i - 20); j < i; j++) {
      const prev = best[j];
      if (!prev) continue;
      const piece = known(index, word.slice(j, i));
      if (!piece) continue;
      if (!best[i] || prev.length + 1 < best[i]!.length) best[i] = [...prev, piece];
    }
  }
  const pieces = best[n];
  return pieces && pieces.length > 1 ? pieces : null;
}

function leetVariants(word: string): string[] {
  let variants = [''];
  for (const c of word) {
    const subs = LEET[c] ?? [c];
    variants = variants.flatMap((v) => subs.map((s) => v + s));
    if (variants.length > 16) return [];
  }
  return variants.filter((v) => v !== word);
}

function typoOf(index: MatchIndex, word: string): string | null {
  if (word.length < MIN_FUZZY_LENGTH || /[^a-z]/.test(word) || index.commonWords.has(word)) return null;
  const candidates = new Set<string>();
  for (const key of [word, ...deletionsOf(word)]) for (const c of index.deletions.get(key) ?? []) candidates.add(c);
  if (candidates.size === 0) return null;
  const [best] = new Fuse([...candidates], { includeScore: true, threshold: MAX_FUZZY_SCORE }).search(word);
  return best && (best.score ?? 1) <= MAX_FUZZY_SCORE ? best.item : null;
}

type Reading = { words: string[]; fuzzy: boolean };

function readWord(index: MatchIndex, word: string): Reading | null {
  const exact = known(index, word);
  if (exact) return { words: [exact], fuzzy: false };
  if (index.fillers.has(word) || index.commonWords.has(word)) return null;
  if (/[a-z@$]/.test(word) && /[0-9@$]/.test(word)) {
    for (const v of leetVariants(word)) {
      const hit = known(index, v) ?? typoOf(index, stem(v));
      if (hit) return { words: [hit], fuzzy: true };
      const pieces = breakWord(index, v);
      if (pieces) return { words: pieces, fuzzy: true };
    }
  }
  const typo = typoOf(index, stem(word));
  if (typo) return { words: [typo], fuzzy: true };
  const pieces = breakWord(index, word);
  return pieces ? { words: pieces, fuzzy: false } : null;
}

function spread(span: Token, reading: Reading, raw: string): ResolvedToken[] {
  return reading.words.map((text) => ({ ...span, text, raw, fuzzy: reading.fuzzy }));
}

/**
 * Reads each word of a description against the catalog's vocabulary: plurals, digits for letters
 * (g4ng), letters split by spaces (s a n i), glued words (khautrang) and typos (betadin).
 * Words that match nothing stay as they are.
 */
export function resolveTokens(index: MatchIndex, tokens: readonly Token[]): ResolvedToken[] {
  const out: ResolvedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i;
    while (j < tokens.length && tokens[j].text.length === 1 && tokens[j].segment === t.segment) j++;
    if (j - i >= 3) {
      const joined = tokens.slice(i, j).map((x) => x.text).join('');
      const reading = readWord(index, joined);
      if (reading) {
        const span = { ...t, end: tokens[j - 1].end };
        out.push(...spread(span, { words: reading.words, fuzzy: true }, joined));
        i = j - 1;
        continue;
      }
    }
    const reading = t.abbr ? null : readWord(index, t.text);
    if (reading) out.push(...spread(t, reading, t.text));
    else out.push({ ...t, text: stem(t.text), raw: t.text, fuzzy: false });
  }
  return out;
}

import type { IndexedTerm, MatchIndex } from './match-index';
import type { ResolvedToken } from './resolve-tokens';
import { soundKey, telexFold } from './sound-key';

/** A catalog phrase found in a description, with the words it covers. */
export type Hit = {
  term: IndexedTerm;
  from: number;
  to: number;
  segment: number;
  fuzzy: boolean;
};

/** Whether two words differ by at most one edit (insert, delete, substitute, swap neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const INVISIBLE_OR_JOINER = /[\p{Cf}\s.\-_*·]/gu;
/** A word that stands for another inside a phrase: one typo, a Telex leftover, a regional spelling. */
function looselyEqual(raw: string, want: string, minLength: number): boolean {
  // A typo keeps the first letter: "bằng tay" (by hand) is not "găng tay".
  if (want.length >= minLength && raw[0] === want[0] && withinOneEdit(raw, want)) return true;
  return telexFold(raw) === want || (raw !== want && soundKey(raw) === soundKey(want));
}

/** A word as written, with its diacritics, for phrases that need them. */
function tonedOf(original: string, t: ResolvedToken): string {
  return original.slice(t.start, t.end).normalize('NFKC').toLowerCase().replace(INVISIBLE_OR_JOINER, '').normalize('NFC');
}

/**
 * A one-word Vietnamese phrase must be written with its tones (cồn, not con), and not as a proper
 * noun inside the text ("Cồn Phụng" is an islet).
 */
function tonedMatch(original: string, tokens: readonly ResolvedToken[], at: number, toned: string): boolean {
  if (tonedOf(original, tokens[at]) !== toned) return false;
  const written = original.slice(tokens[at].start, tokens[at].end);
  const allCaps = original === original.toUpperCase();
  return at === 0 || allCaps || written[0] === written[0].toLowerCase();
}

/** A word written with diacritics must carry the phrase word's own; one written without them passes. */
function sameTones(original: string, t: ResolvedToken, toned: string): boolean {
  // A word read from a glued or spaced-out span has no tones of its own to compare.
  if (t.fuzzy || t.raw !== t.text) return true;
  const written = tonedOf(original, t);
  return !/[^\x00-\x7f]/.test(written) || written === toned || !/[^\x00-\x7f]/.test(toned);
}

/**
 * Whether a phrase stands at a position. All words must be there in order within one list element;
 * a phrase of several words (not a brand) tolerates one word with a typo or written as an
 * abbreviation, as long as another word is exact.
 */
function matchAt(original: string, tokens: readonly ResolvedToken[], at: number, term: IndexedTerm): Hit | null {
  const n = term.tokens.length;
  if (at + n > tokens.length) return null;
  if (term.toned !== undefined && !tonedMatch(original, tokens, at, term.toned)) return null;
  const seg = tokens[at].segment;
  let fuzzy = false;
  let loose = 0;
  let exact = 0;
  for (let k = 0; k < n; k++) {
    const t = tokens[at + k];
    const want = term.tokens[k];
    if (t.segment !== seg) return null;
    if (term.tonedTokens && !sameTones(original, t, term.tonedTokens[k])) return null;
    if (t.text === want) {
      exact++;
      fuzzy ||= t.fuzzy;
      continue;
    }
    if (n < 2 || term.kind === 'brand' || loose > 0) return null;
    const abbreviated = t.abbr === true && want.length > t.raw.length && want.startsWith(t.raw);
    // Never for brands: "Bảo Thanh" cough syrup is not "Bảo Thạch" masks.
    if (!abbreviated && !looselyEqual(t.raw, want, n > 2 ? 3 : 4)) return null;
    loose++;
    fuzzy = true;
  }
  return exact > 0 ? { term, from: at, to: at + n, segment: seg, fuzzy } : null;
}

/** Every catalog phrase found in a description; each lookup touches only phrases sharing a word. */
export function findHits(index: MatchIndex, original: string, tokens: readonly ResolvedToken[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const tryAll = (terms: readonly IndexedTerm[] | undefined, skip?: (term: IndexedTerm) => boolean) => {
      if (!terms) return;
      for (const term of terms) {
        if (skip?.(term)) continue;
        const hit = matchAt(original, tokens, i, term);
        if (hit) hits.push(hit);
      }
    };
    tryAll(index.byFirstToken.get(t.text));
    if (!next) continue;
    // Phrases whose first word here is loose: found by their second word, never twice.
    const byFirst = (term: IndexedTerm) => term.tokens[0] === t.text;
    const letters = new Set([t.raw[0], soundKey(t.raw)[0], telexFold(t.raw)[0]]);
    const tried = new Set<IndexedTerm>();
    for (const letter of letters) {
      tryAll(index.bySecondToken.get(`${next.text}|${letter}`), (term) => byFirst(term) || tried.has(term) || !tried.add(term));
    }
    if (t.abbr) tryAll(index.byInitial.get(`${t.raw[0]}|${next.text}`), (term) => byFirst(term) || tried.has(term));
  }
  return hits;
}

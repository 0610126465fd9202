import Fuse from 'fuse.js';
import { telexFold, vniFold } from './sound-key';
import { deletionsOf, MIN_FUZZY_LENGTH, startsPhrase, VIETNAMESE_MARK, VIETNAMESE_ONSETS, VIETNAMESE_SYLLABLE, writtenWordsOf, type IndexedTerm, type MatchIndex } from './match-index';
import { opensItsElement } from './fillers';
import { stem, writtenAs, type Token } from './normalize';

/** A description word read against the catalog's vocabulary. */
export type ResolvedToken = Token & {
  /** The word as written, after folding. */
  raw: string;
  /** Read through a typo, digits for letters, or letters split apart. */
  fuzzy: boolean;
};

/** Letters that digits and symbols are written for (m@sk, s4nitizer, d!s!nfectant, KN9S). */
export const LEET: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'],
  '1': ['i', 'l'],
  '3': ['e'],
  '4': ['a'],
  '5': ['s'],
  '7': ['t'],
  '6': ['g', 'b'],
  '8': ['b'],
  '9': ['g'],
  '@': ['a', 'o'],
  $: ['s'],
  '!': ['i', 'l'],
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
  // Cost: one per piece, more for short ones, so "satkhuan" is "sat khuan" and "dexamen" "d examen", not "de xa men".
  const best: ({ pieces: string[]; cost: number } | null)[] = [{ pieces: [], cost: 0 }];
  for (let i = 1; i <= n; i++) {
    best[i] = null;
    for (let j = Math.max(0, i - 20); j < i; j++) {
      const prev = best[j];
      if (!prev) continue;
      const piece = known(index, word.slice(j, i));
      if (!piece) continue;
      const cost = prev.cost + 1 + Math.max(0, 3 - (i - j));
      if (!best[i] || cost < best[i]!.cost) best[i] = { pieces: [...prev.pieces, piece], cost };
    }
  }
  const found = best[n];
  return found && found.pieces.length > 1 ? found.pieces : null;
}

/** Letters of scripts written without spaces between words: Thai, Lao, Khmer, Kana, Chinese, and Hangul, which glues nouns. */
const UNSPACED = /^[\u0e00-\u0eff\u1780-\u17ff\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+$/;
/** The longest catalog word looked for inside such a run (a Thai or Khmer word takes many letters). */
const MAX_UNSPACED_WORD = 24;

/**
 * A run of Chinese, Japanese, Thai or Korean written whole ("一次性医用检查手套", "의료용마스크"):
 * the catalog's words in it, and the letters between them as words of their own, which stay
 * unread. Fewest letters left unread first, then fewest words, so the longest catalog word wins.
 * Null when no catalog word of two letters or more is in it.
 */
function unspacedPieces(index: MatchIndex, word: string): Reading | null {
  const n = word.length;
  if (n < 3 || n > MAX_BREAK_LENGTH) return null;
  // For each prefix: letters unread, pieces, and where its last piece starts.
  const unread = [0];
  const pieces = [0];
  const from = [0];
  const isKnown = [false];
  for (let i = 1; i <= n; i++) {
    unread[i] = unread[i - 1] + 1;
    pieces[i] = pieces[i - 1] + (isKnown[i - 1] || i === 1 ? 1 : 0);
    from[i] = i - 1;
    isKnown[i] = false;
    for (let j = Math.max(0, i - MAX_UNSPACED_WORD); j <= i - 2; j++) {
      if (unread[j] > unread[i] || (unread[j] === unread[i] && pieces[j] + 1 >= pieces[i])) continue;
      if (!index.vocabulary.has(word.slice(j, i))) continue;
      unread[i] = unread[j];
      pieces[i] = pieces[j] + 1;
      from[i] = j;
      isKnown[i] = true;
    }
  }
  const words: string[] = [];
  const at: number[] = [];
  let anyKnown = false;
  for (let i = n; i > 0; ) {
    let j = from[i];
    if (isKnown[i]) anyKnown = true;
    // Letters left unread next to each other make one word.
    else while (j > 0 && !isKnown[j]) j = from[j];
    words.push(word.slice(j, i));
    at.push(j);
    i = j;
  }
  return anyKnown && words.length > 1 ? { words: words.reverse(), fuzzy: false, at: at.reverse() } : null;
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

/** The keys around each letter on a QWERTY keyboard, which Vietnamese, English and French typists alike mostly use. */
const NEIGHBOUR_KEYS: Record<string, string> = {
  q: 'wa', w: 'qeas', e: 'wrsd', r: 'etdf', t: 'ryfg', y: 'tugh', u: 'yihj', i: 'uojk', o: 'ipkl', p: 'ol',
  a: 'qwsz', s: 'awedzx', d: 'serfxc', f: 'drtgcv', g: 'ftyhvb', h: 'gyujbn', j: 'huiknm', k: 'jiolm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

/** Whether `b` is `a` with two neighbouring letters swapped. */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function typoOf(index: MatchIndex, word: string): string | null {
  if (word.length < MIN_FUZZY_LENGTH || /[^a-z]/.test(word) || index.commonWords.has(word)) return null;
  const candidates = new Set<string>();
  for (const key of [word, ...deletionsOf(word)]) {
    const known = index.deletions.get(key);
    if (typeof known === 'string') candidates.add(known);
    else if (known) for (const c of known) candidates.add(c);
  }
  // A shorter catalog word with a letter typed twice ("massk" for mask, "gangg") or a final e, as
  // German and Scandinavian write it ("Maske"): such words have no deletion variants of their own,
  // so only these are read, and only when no longer word is near.
  if (candidates.size === 0 && word.length === MIN_FUZZY_LENGTH) {
    for (let i = 1; i < word.length; i++) {
      const single = word.slice(0, i) + word.slice(i + 1);
      if (word[i] === word[i - 1] && index.vocabulary.has(single)) return single;
    }
    const bare = word.slice(0, -1);
    if (word.endsWith('e') && index.vocabulary.has(bare) && !index.fillers.has(bare)) return bare;
  }
  // Two letters swapped is the commonest slip: "presnet" is present before it is Presept.
  for (const c of candidates) if (swapsTwo(word, c)) return c;
  // A filler is read from a slip only with its first letter, a key beside it or the first letter
  // left out: a word read as one names nothing, so a reading that far off would hide a good
  // ("Épices" is no "piece"; "Varoius", "Barious" and "arious" are various).
  for (const c of candidates) if (c[0] !== word[0] && !NEIGHBOUR_KEYS[c[0]]?.includes(word[0]) && c.slice(1) !== word && index.fillers.has(c)) candidates.delete(c);
  if (candidates.size === 0) return null;
  const [best] = new Fuse([...candidates], { includeScore: true, threshold: MAX_FUZZY_SCORE }).search(word);
  return best && (best.score ?? 1) <= MAX_FUZZY_SCORE ? best.item : null;
}

/** A word's reading: the catalog words it is, and where each begins in it when they are pieces of it written whole. */
type Reading = { words: string[]; fuzzy: boolean; at?: number[] };

// Words repeat across descriptions far more than descriptions do: a reading is remembered per index.
const READINGS = new WeakMap<MatchIndex, Map<string, Reading | null>>();
const READINGS_LIMIT = 100_000;

function readingsOf(index: MatchIndex): Map<string, Reading | null> {
  let memo = READINGS.get(index);
  if (!memo) READINGS.set(index, (memo = new Map()));
  return memo;
}

function readWord(index: MatchIndex, word: string, memo = readingsOf(index)): Reading | null {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const reading = readWordUncached(index, word);
  if (memo.size < READINGS_LIMIT) memo.set(word, reading);
  return reading;
}

/** How long a word written backwards must be to be read. */
const REVERSED_LENGTH = 5;
const LETTERS_ONLY = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
/** Letters, then a digit right before a final s: a model number in the plural. */
const DIGIT_BEFORE_S = /^[a-z]+\d*\ds$/;

/** Three letters or more, then a number of two or three digits: "con70". */
const GLUED_NUMBER_AFTER = /^([a-z]{3,})(\d{2,3})$/;

function readWordUncached(index: MatchIndex, word: string): Reading | null {
  const exact = known(index, word);
  if (exact) return { words: [exact], fuzzy: false };
  if (index.fillers.has(word) || index.commonWords.has(word)) return null;
  if (UNSPACED.test(word)) return unspacedPieces(index, word);
  // A model's plural: "N95s", "FFP2s".
  if (word.length > 2 && word.endsWith('s') && DIGIT_BEFORE_S.test(word)) {
    const model = known(index, word.slice(0, -1));
    if (model) return { words: [model], fuzzy: false };
  }
  if (/[a-z@$!]/.test(word) && /[0-9@$!]/.test(word)) {
    // A run of three digits or more is a model number (h910v), not letters written as digits.
    const modelNumber = /\d{3}/.test(word);
    const vni = vniFold(word);
    const typed = vni === null ? null : known(index, vni);
    if (typed) return { words: [typed], fuzzy: true };
    // Every variant read exactly before any read through a typo: "gl@ves" is gloves, not a typo of glaves.
    const variants = leetVariants(word);
    for (const v of variants) {
      const hit = known(index, v);
      if (hit) return { words: [hit], fuzzy: true };
    }
    // A catalog word glued to a number after it: "cồn70", "con90" (a strength), "mask50".
    const number = GLUED_NUMBER_AFTER.exec(word);
    const before = number && known(index, number[1]);
    if (before && number) return { words: [before, number[2]], fuzzy: false, at: [0, number[1].length] };
    // A filler so written says as little as the filler: "g1ft f0r fr13nd" is a gift for a friend.
    if (!modelNumber && word.length >= 3) for (const v of variants) if (index.fillers.has(v)) return { words: [v], fuzzy: true };
    // A maker's name glued to its model ("3M-1860", "3m1860") is read as written; no piece of a
    // model number is read as letters ("1860" is no "l b g o").
    if (modelNumber) {
      const pieces = breakWord(index, word);
      if (pieces) return { words: pieces, fuzzy: false };
    } else {
      for (const v of variants) {
        const hit = typoOf(index, stem(v));
        if (hit) return { words: [hit], fuzzy: true };
        const pieces = breakWord(index, v);
        if (pieces) return { words: pieces, fuzzy: true };
      }
    }
  }
  const telex = known(index, telexFold(word));
  if (telex) return { words: [telex], fuzzy: true };
  // A "w" for "qu", as the South says it and chats type it: "wà tặng", "wần áo" (a common English word
  // never gets this far).
  if (word.length > 1 && word[0] === 'w' && VOWEL.test(word[1])) {
    const qu = `qu${word.slice(1)}`;
    const read = known(index, qu) ?? (index.fillers.has(qu) ? qu : null);
    if (read) return { words: [read], fuzzy: true };
  }
  // "rn" read from an m, a scanner's commonest slip ("rnasks", "Hàng rnẫu", "Sarnples"): read so
  // only when the word then is a catalog word or a filler, since no English word the reading
  // matters for has it unread ("corner", "turn" are common words).
  if (word.includes('rn')) {
    const m = word.replaceAll('rn', 'm');
    const read = known(index, m) ?? (index.fillers.has(m) ? m : null);
    if (read) return { words: [read], fuzzy: true };
  }
  // A word of five letters or more written backwards ("sksam lacigrus", "rezitinas"); shorter ones
  // are too often other words backwards ("mart", "loop").
  if (word.length >= REVERSED_LENGTH && LETTERS_ONLY.test(word)) {
    const backwards = known(index, [...word].reverse().join(''));
    if (backwards) return { words: [backwards], fuzzy: true };
  }
  // A plural too short once stemmed is read whole: "gloes" is a typo of gloves though "gloe" is too short to read.
  const stemmed = stem(word);
  const typo = typoOf(index, stemmed) ?? (stemmed.length < MIN_FUZZY_LENGTH ? typoOf(index, word) : null);
  if (typo) return { words: [typo], fuzzy: true };
  // Pieces that are all fillers say nothing a glued word needs reading for, unless they begin a
  // catalog phrase ("hangmau" is hàng mẫu): "socola" is chocolate, no "số có là".
  const pieces = breakWord(index, word);
  if (!pieces || (pieces.every((p) => index.fillers.has(p)) && index.words.get(pieces[0])?.firstTwo?.has(pieces[1]) !== true)) return null;
  return { words: pieces, fuzzy: false };
}

/** The fewest letters a glued word's unread rest has: "khautrangytechinhhang" leaves "chinhhang". */
const MIN_REST = 3;

/**
 * A hashtag gluing a catalog phrase to letters the catalog does not read: "#khautrangytechinhhang"
 * is khẩu trang y tế, then "chinhhang" (genuine). The longest beginning that breaks into words
 * starting a catalog phrase is read, the rest stays a word of its own; null when no beginning does.
 * Only in a hashtag: elsewhere a long word is a word of its own language ("Handgelenkstütze", a
 * wrist support, is no "hand gel").
 */
function gluedBeforeARest(index: MatchIndex, word: string): Reading | null {
  if (word.length < MIN_FUZZY_LENGTH + MIN_REST || word.length > MAX_BREAK_LENGTH || !LETTERS_ONLY.test(word)) return null;
  for (let end = word.length - MIN_REST; end >= MIN_FUZZY_LENGTH; end--) {
    // The rest begins a word of its own, not a vowel going on from the last piece ("handgelegd").
    if (VOWEL.test(word[end])) continue;
    const pieces = breakWord(index, word.slice(0, end));
    if (!pieces || index.words.get(pieces[0])?.firstTwo?.has(pieces[1]) !== true) continue;
    // Words of one letter are a break's leftovers ("hand gel en k s tue"), but for the y of y tế.
    if (pieces.some((p) => p.length === 1 && p !== 'y')) continue;
    return { words: [...pieces, word.slice(end)], fuzzy: true };
  }
  return null;
}

/** The tone marks of Vietnamese and the Telex key that types each. */
const TELEX_TONE_KEYS: Readonly<Record<string, string>> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Marks that Telex types with a letter doubled or a "w" (â, ă, ơ...): not what a stray key leaves. */
const SHAPE_MARKS = /[\u0302\u0306\u031b]/;
/**
 * Length of the shortest word read back from a stray tone key, as written and as read: shorter ones
 * are too often other words ("mák" is a poppy seed in Czech, not "mask").
 */
const TELEX_ON_LENGTH = 4;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * An English word typed with Vietnamese Telex left on: the key of a tone became a mark on the vowel
 * before it ("sanitizer" as "sanitizẻ", "gloves" as "glovés"). Read back with the key after that
 * vowel or at the word's end, when the word is no Vietnamese syllable, has one tone mark and no
 * other, is four letters or more, and reads back as a catalog word of four letters or more.
 */
function typedWithTelexOn(index: MatchIndex, t: Token, original: string | undefined): Reading | null {
  if (original === undefined || t.text.length < TELEX_ON_LENGTH || VIETNAMESE_SYLLABLE.test(t.text)) return null;
  const span = original.slice(t.start, t.end);
  // Most words the catalog does not read are plain ASCII: nothing to read back.
  if (ASCII_ONLY.test(span)) return null;
  const written = span.toLowerCase().normalize('NFD');
  const tones = written.match(TONE_MARKS);
  if (tones === null || tones.length !== 1 || SHAPE_MARKS.test(written)) return null;
  const at = written.search(TONE_MARKS);
  const base = written.slice(0, at) + written.slice(at + 1);
  if (!LETTERS_ONLY.test(base)) return null;
  const key = TELEX_TONE_KEYS[tones[0]];
  for (const typed of [base.slice(0, at) + key + base.slice(at), base + key]) {
    if (typed.length < TELEX_ON_LENGTH) continue;
    const read = known(index, typed);
    if (read) return { words: [read], fuzzy: true };
  }
  return null;
}

/** A resolved word; every one is built with the same fields in the same order, so they share one shape. */
function resolved(span: Token, text: string, raw: string, fuzzy: boolean, end = span.end): ResolvedToken {
  return { text, start: span.start, end, segment: span.segment, abbr: span.abbr === true, raw, fuzzy };
}

function spread(out: ResolvedToken[], span: Token, reading: Reading, raw: string, fuzzy = reading.fuzzy, end = span.end): void {
  const { words, at } = reading;
  // Pieces of a run written whole keep their own places when the folded run is as long as the
  // written one, so that a word left unread stays unread.
  if (at && end - span.start === raw.length) {
    for (let k = 0; k < words.length; k++) {
      const piece = { ...span, start: span.start + at[k], end: span.start + (at[k + 1] ?? raw.length) };
      out.push(resolved(piece, words[k], words[k], fuzzy));
    }
    return;
  }
  for (const text of words) out.push(resolved(span, text, raw, fuzzy, end));
}

/**
 * Reads each word of a description against the catalog's vocabulary: plurals, digits for letters
 * (g4ng), VNI keys left in (kha6u3), letters split by spaces (s a n i), glued words (khautrang),
 * a first word cut short (ktrang, kh.trang, "k trang y tế") and typos (betadin). Words that match
 * nothing stay as they are. `original` is the description as written, for what folding loses
 * (marks, case, slashes).
 */
export function resolveTokens(index: MatchIndex, tokens: readonly Token[], original?: string): ResolvedToken[] {
  const out: ResolvedToken[] = [];
  let joinedLines: Map<number, number> | undefined;
  const memo = readingsOf(index);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (onsetBeforeItsVowel(index, tokens, i, original)) {
      const next = tokens[i + 1];
      out.push(resolved(t, stem(t.text + next.text), t.text + next.text, true, next.end));
      i++;
      continue;
    }
    const last = t.text.length === 1 ? readSpacedRun(index, tokens, i, out) : -1;
    if (last >= 0) {
      i = last;
      continue;
    }
    // What the word reads as on its own (remembered per word); a word that reads is no piece of another.
    const reading = t.abbr
      ? null
      : (readWord(index, t.text, memo) ?? typedWithTelexOn(index, t, original) ?? (original?.[t.start - 1] === '#' ? gluedBeforeARest(index, t.text) : null));
    const shifted = reading === null ? shiftedSpaces(index, tokens, i) : null;
    if (shifted) {
      const last = tokens[shifted.last];
      spread(out, t, { words: shifted.words, fuzzy: true }, original?.slice(t.start, last.end) ?? t.text, true, last.end);
      i = shifted.last;
      continue;
    }
    if (splitWord(index, tokens, i, original)) {
      const next = tokens[i + 1];
      out.push(resolved(t, stem(t.text + next.text), t.text + next.text, false, next.end));
      // A word cut by a line break joins the line after it to its own: "khẩu tr↵ang y tế" is one element.
      if (next.segment !== t.segment) (joinedLines ??= new Map()).set(next.segment, joinedLines.get(t.segment) ?? t.segment);
      i++;
      continue;
    }
    const cutLast = cutInPieces(index, tokens, i, original);
    if (cutLast > 0) {
      let whole = '';
      for (let k = i; k <= cutLast; k++) whole += tokens[k].text;
      out.push(resolved(t, stem(whole), whole, false, tokens[cutLast].end));
      i = cutLast;
      continue;
    }
    if (!t.abbr && loneInitial(index, tokens, i, original)) {
      out.push({ ...resolved(t, t.text, t.text, false), abbr: true });
      continue;
    }
    // "i" and "y" are one sound: "khẩu trang i tế" is y tế, where the catalog has no "i" of its own.
    if (t.text === 'i' && yForI(index, tokens, i)) {
      out.push(resolved(t, 'y', t.text, true));
      continue;
    }
    // "ktrang" reads as a typo of "trang", but it is k(hẩu) trang; "khẩu ttrang" is the typo.
    const cut = !t.abbr && (!reading || reading.fuzzy) ? initialCut(index, t, out[out.length - 1], original) : 0;
    if (reading && cut === 0) spread(out, t, reading, t.text);
    else if (cut > 0) {
      // Both halves keep the word's span: the match shows what was written.
      const initial = t.text.slice(0, cut);
      out.push({ ...resolved(t, initial, initial, false), abbr: true }, resolved(t, stem(t.text.slice(cut)), t.text, false));
    } else out.push(resolved(t, stem(t.text), t.text, false));
  }
  const lines = joinedLines;
  const joined = lines
    ? out.map((r) => {
        const segment = lines.get(r.segment);
        return segment === undefined ? r : { ...r, segment };
      })
    : out;
  return expandAbbreviations(index, swapReversedPairs(index, joined, original), original);
}

/** Whether a lone "i" stands for "y": "y" and the word after it begin a catalog phrase, and "i" is no catalog word. */
function yForI(index: MatchIndex, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && next.segment === tokens[i].segment && !index.vocabulary.has('i') && index.words.get('y')?.firstTwo?.has(stem(next.text)) === true;
}

/**
 * Whether the words at k and k + 1, swapped, begin a catalog term of three words or more that the
 * words after them end ("trang khẩu y tế" → khẩu trang y tế), each swapped word written with the
 * term's marks or none: "Trang khâu 3 lớp" (sewn by Trang) is no "khẩu trang 3 lớp".
 */
function reversedTerm(terms: readonly IndexedTerm[], tokens: readonly ResolvedToken[], k: number, original: string | undefined): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return terms.some((t) => {
    if (t.kind !== 'term' || t.tokens.length < 3 || k + t.tokens.length > tokens.length) return false;
    for (let j = 2; j < t.tokens.length; j++) if (tokens[k + j].text !== t.tokens[j] || tokens[k + j].segment !== a.segment) return false;
    if (original === undefined) return true;
    const written = writtenWordsOf(t);
    return written !== null && writtenAs(original, b, written[0]) && writtenAs(original, a, written[1]);
  });
}

/** How many words a term written backwards must have to be read: three-word ones reverse from everyday words ("khô tay rửa"). */
const BACKWARDS_WORDS = 4;

/**
 * Whether the run of words at `from` is `term` written backwards: Vietnamese syllables of one list
 * element, none read loosely, each written with the term's own marks ("Khoa Y trang khau", a
 * faculty, is no khẩu trang y khoa backwards).
 */
function readsBackwards(tokens: readonly ResolvedToken[], from: number, term: IndexedTerm, original: string | undefined): boolean {
  const n = term.tokens.length;
  if (from < 0 || from + n > tokens.length) return false;
  for (let j = 0; j < n; j++) {
    const t = tokens[from + n - 1 - j];
    if (t.text !== term.tokens[j] || t.fuzzy || t.segment !== tokens[from].segment || !VIETNAMESE_SYLLABLE.test(t.text)) return false;
  }
  if (original === undefined) return true;
  const written = writtenWordsOf(term);
  return written !== null && written.every((w, j) => writtenAs(original, tokens[from + n - 1 - j], w, false));
}

/**
 * A catalog term of four words or more written backwards, word by word ("tế y tay găng", "trùng
 * sát dịch dung"), a sender's trick, reads in its own order, as a typo does. Everyday words seldom
 * reverse into a whole term that long ("Sơn móng tay xịt khô nhanh" is nail polish; pair by pair,
 * "tay xịt khô nhanh" would be a hand spray); each word must be written with the term's marks.
 * `terms` are those the pair at k, swapped, begins: backwards, the term's first two words end the
 * run. Whether one was read (and the run rewritten in its order).
 */
function readBackwards(terms: readonly IndexedTerm[], tokens: ResolvedToken[], k: number, original: string | undefined): boolean {
  for (const term of terms) {
    const n = term.tokens.length;
    const from = k + 2 - n;
    if (term.kind !== 'term' || n < BACKWARDS_WORDS || !readsBackwards(tokens, from, term, original)) continue;
    const run = tokens.slice(from, from + n);
    for (let j = 0; j < n; j++) tokens[from + j] = { ...run[n - 1 - j], start: run[j].start, end: run[j].end, raw: run[j].raw, fuzzy: true };
    return true;
  }
  return false;
}

/**
 * A Vietnamese two-syllable name written in reverse order before the rest of a longer term ("trang
 * khau y te", a sender's trick) reads in its own order, as a typo does. Not two words that begin or
 * end a phrase of the catalog as written, nor a pair alone: "đồ con", "tay bảo hành", "trung khu"
 * are everyday words, not cồn đỏ, bao tay or khử trùng backwards. A whole term written backwards is
 * read at the same lookup (readBackwards).
 */
function swapReversedPairs(index: MatchIndex, tokens: ResolvedToken[], original: string | undefined): ResolvedToken[] {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k];
    const b = tokens[k + 1];
    if (a.segment !== b.segment || a.fuzzy || b.fuzzy) continue;
    // The lookup of the swapped pair first: it fails for nearly every pair of words.
    const terms = index.words.get(b.text)?.firstTwo?.get(a.text);
    if (!terms || readBackwards(terms, tokens, k, original) || k + 2 >= tokens.length || !reversedTerm(terms, tokens, k, original)) continue;
    if (!VIETNAMESE_SYLLABLE.test(a.text) || !VIETNAMESE_SYLLABLE.test(b.text) || startsPhrase(index, tokens, k, k + 1) || startsPhrase(index, tokens, k - 1, k)) continue;
    tokens[k] = { ...b, start: a.start, end: a.end, raw: a.raw, fuzzy: true };
    tokens[k + 1] = { ...a, start: b.start, end: b.end, raw: b.raw, fuzzy: true };
    k++;
  }
  return tokens;
}

/**
 * A word split in two: by a stray space ("khẩu tr ang", "gl oves"), two pieces of letters that are
 * neither catalog nor common words; by a symbol with no space ("Kh😷ẩu", "sani😷tizer"), any two
 * pieces of letters. Together they must be a catalog word.
 */
function splitWord(index: MatchIndex, tokens: readonly Token[], i: number, original: string | undefined): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || t.abbr) return false;
  // Across a line break only when nothing else parts the two pieces ("khẩu tr↵ang").
  if (next.segment !== t.segment && !LONE_LINE_BREAK.test(original?.slice(t.end, next.start) ?? ' ')) return false;
  // Two pieces seldom make a catalog word: that settles most pairs in one lookup.
  if (!index.vocabulary.has(stem(t.text + next.text))) return false;
  const between = original?.slice(t.end, next.start) ?? ' ';
  // A cut without a space may also fall inside a model (FFP😷2, KF😷94).
  const cut = between !== '' && !/\s/u.test(between);
  if (!(cut ? WORD : LETTERS).test(t.text) || !(cut ? WORD : LETTERS).test(next.text)) return false;
  const unknown = (w: string) => w.length >= 2 && readsAsNothing(index, w);
  return cut || (unknown(t.text) && unknown(next.text));
}

/** A line break alone between two pieces of letters. */
const LONE_LINE_BREAK = /^[ \t]*\r?\n[ \t]*$/;

/** A Vietnamese syllable's onset alone: consonants no vowel follows. */
const ONSET = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])$/;
/** A vowel written with a Vietnamese mark (hat, breve, horn or tone), as its first letter. */
const MARKED_VOWEL = /^[aeiouy][\u0300-\u036f]/;

/**
 * A syllable parted between its onset and its marked vowel, as a scanner reads handwriting or a
 * crease cuts it ("Kh ẩu trang y t ế", "g ăng tay", "Qu ần áo"): a word begins with a vowel only
 * when its vowel is bare or it is a word of its own, never after an onset standing alone. Together
 * they must be one syllable and a catalog word.
 */
function onsetBeforeItsVowel(index: MatchIndex, tokens: readonly Token[], i: number, original: string | undefined): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (original === undefined || next === undefined || next.segment !== t.segment || t.abbr || !ONSET.test(t.text)) return false;
  // Letters spaced out one by one ("c ồ n 9 0 đ ộ") are read as a run.
  if (next.text.length === 1 && (tokens[i - 1]?.text.length === 1 || tokens[i + 2]?.text.length === 1)) return false;
  if (original.slice(t.end, next.start) !== ' ' || !MARKED_VOWEL.test(original.slice(next.start, next.start + 3).normalize('NFD').toLowerCase())) return false;
  const joined = t.text + next.text;
  return VIETNAMESE_SYLLABLE.test(joined) && index.vocabulary.has(joined);
}

/** Whether a word is neither a filler, a common word nor a catalog word (as written or stemmed). */
function readsAsNothing(index: MatchIndex, w: string): boolean {
  return !index.fillers.has(w) && !index.commonWords.has(w) && !index.vocabulary.has(w) && !index.vocabulary.has(stem(w));
}

/** A piece of letters that is neither a catalog word, a common word nor a filler. */
function unknownPiece(index: MatchIndex, t: Token): boolean {
  return !t.abbr && LETTERS.test(t.text) && readsAsNothing(index, t.text);
}

/** How many pieces spaces put in the wrong places may leave. */
const SHIFTED_PIECES = 4;

/**
 * Words whose spaces were moved ("khẩ utra ng y tế", "gă ngt ay", "nướ crửat ay khô"): two to four
 * pieces of letters, each neither a catalog word, a common word nor a filler, that together break
 * into catalog words of two letters or more beginning a phrase of the catalog. The word after them
 * must be one of its own: in "găngt aychống n ắng" the pieces run on into "nắng" (gloves against
 * the sun). The index of the last piece and the words.
 */
function shiftedSpaces(index: MatchIndex, tokens: readonly Token[], i: number): { last: number; words: string[] } | null {
  const segment = tokens[i].segment;
  const unknown = (t: Token | undefined) => t !== undefined && t.segment === segment && unknownPiece(index, t);
  if (!unknown(tokens[i + 1]) || !unknownPiece(index, tokens[i])) return null;
  let joined = tokens[i].text;
  for (let j = i + 1; j < i + SHIFTED_PIECES && unknown(tokens[j]); j++) {
    joined += tokens[j].text;
    // A letter alone before another piece is one too: "n ắng".
    const next = tokens[j + 1];
    if (unknown(next) || (next?.segment === tokens[i].segment && /^[a-z]$/.test(next.text) && unknown(tokens[j + 2]))) continue;
    const words = breakWord(index, joined);
    if (!words || words.length < 2 || index.words.get(words[0])?.firstTwo?.has(words[1]) !== true) continue;
    // A letter alone ends the pieces only when it begins a phrase with the next word: "khẩ utran gy
    // tế" is khẩu trang y tế; "găn gtayl en" is no "găng tay l".
    const letterFits = (w: string, n: number) => w.length >= 2 || (n === words.length - 1 && next !== undefined && index.words.get(w)?.firstTwo?.has(next.text) === true);
    if (words.every(letterFits)) return { last: j, words };
  }
  return null;
}

/** How many pieces symbols may cut a word into. */
const MAX_CUT_PIECES = 6;

/**
 * A word cut in three pieces or more by symbols with no space ("san🧴iti🧴zer", "dis/in/fec/tant"):
 * together the pieces must be a catalog word, whatever the pieces are on their own. The index of
 * the last piece, or -1.
 */
function cutInPieces(index: MatchIndex, tokens: readonly Token[], i: number, original: string | undefined): number {
  const first = tokens[i];
  const second = tokens[i + 1];
  // Most words have a space or nothing after them: that settles them.
  if (!original || second === undefined || first.end >= second.start || /\s/u.test(original[first.end]) || !LETTERS.test(first.text)) return -1;
  const symbols = (x: Token, y: Token) => x.end < y.start && !/\s/u.test(original.slice(x.end, y.start));
  let whole = first.text;
  let found = -1;
  for (let k = i + 1; k < tokens.length && k < i + MAX_CUT_PIECES; k++) {
    const piece = tokens[k];
    if (piece.segment !== first.segment || !symbols(tokens[k - 1], piece) || !LETTERS.test(piece.text)) break;
    whole += piece.text;
    if (k >= i + 2 && index.vocabulary.has(stem(whole))) found = k;
  }
  return found;
}

/** Reads the spaced-out letters of tokens[i, j), cutting words where `sameWord` says no. */
function readRun(index: MatchIndex, tokens: readonly Token[], i: number, j: number, sameWord: (k: number) => boolean) {
  const out: ResolvedToken[] = [];
  let read = false;
  let unread = false;
  for (let a = i; a < j; ) {
    // A spaced-out word of letters and digits is read whole first: "F F P 2".
    let w = a + 1;
    while (w < j && sameWord(w)) w++;
    const whole = tokens.slice(a, w).map((x) => x.text).join('');
    const mixed = w - a >= 3 && /\d/.test(whole) && /[a-z]/.test(whole) ? readWord(index, whole) : null;
    if (mixed && !mixed.fuzzy && mixed.words.length === 1) {
      read = true;
      spread(out, tokens[a], mixed, whole, true, tokens[w - 1].end);
      a = w;
      continue;
    }
    const digits = /\d/.test(tokens[a].text);
    let b = a + 1;
    while (b < j && /\d/.test(tokens[b].text) === digits && sameWord(b)) b++;
    const joined = tokens.slice(a, b).map((x) => x.text).join('');
    const end = tokens[b - 1].end;
    const reading = digits || b - a < 2 ? null : readWord(index, joined);
    if (reading) read = true;
    else if (!digits && b - a >= 2) unread = true;
    if (reading) spread(out, tokens[a], reading, joined, true, end);
    else if (digits) out.push(resolved(tokens[a], joined, joined, false, end));
    else for (const x of tokens.slice(a, b)) out.push(resolved(x, x.text, x.text, false));
    a = b;
  }
  return { out, read, unread };
}

const LETTERS = /^[a-z]+$/;
export const LIQUID_OR_STRENGTH: ReadonlySet<string> = new Set(['l', 'lit', 'litre', 'liter', 'litres', 'liters', 'ml', 'chai', 'can', 'bidon', 'gallon', 'oz', 'do']);
const WORD = /^[a-z0-9]+$/;
const NUMBER = /^\d+$/;

const NAME_INITIAL = /^\p{Lu}\p{Ll}?[.\s]*\p{Lu}\p{Ll}/u;
const SIZE_WORDS = new Set(['size', 'sz', 'cỡ', 'taille']);
/** Consonants a clerk may type for a word; "v" is left out, being the short form of "và" (and). */
const CONSONANT = /^[b-df-hj-np-tw-z]$/;

/**
 * A lone letter standing for the first word of a Vietnamese term of three words or more, the rest of
 * which follows: the "k" of "k trang y tế", as a clerk types fast. A consonant written without a
 * Vietnamese mark ("ở Gia Lai" is a preposition), not after a number ("100 g", "200 k") or a size
 * ("size m"), and only when the term goes on ("G tay trái" is a chord).
 */
function loneInitial(index: MatchIndex, tokens: readonly Token[], i: number, original: string | undefined): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (original === undefined || !CONSONANT.test(t.text) || !next || next.segment !== t.segment || next.text.length < 3) return false;
  if (VIETNAMESE_MARK.test(original.slice(t.start, t.end).normalize('NFD'))) return false;
  const before = tokens[i - 1];
  if (before && before.segment === t.segment) {
    if (/\d$/.test(before.text) || SIZE_WORDS.has(original.slice(before.start, before.end).normalize('NFC').toLowerCase())) return false;
  }
  if (index.vietnameseTermInitials.get(stem(next.text))?.has(t.text) !== true) return false;
  // The term goes on as written: "k trang y tế", not "k trang" nor "Nhẫn chữ g tay".
  const after = tokens[i + 2];
  if (after === undefined || after.segment !== t.segment) return false;
  const goesOn = (term: IndexedTerm) => stem(after.text) === term.tokens[2] || after.text === term.tokens.slice(2).join('');
  return (index.words.get(stem(next.text))?.initial?.get(t.text) ?? []).some((term) => term.kind === 'term' && term.tokens.length > 2 && goesOn(term));
}

/**
 * How many letters of a glued word are a first word cut short: "ktrang" and "g.tay" (the dot glues
 * letters, as in k.h.ẩ.u) 1, "khtrang" 2 (an onset), when the rest is a Vietnamese phrase's second
 * word and the whole is no word; 0 otherwise.
 */
function initialCut(index: MatchIndex, t: Token, previous: ResolvedToken | undefined, original: string | undefined): number {
  const word = t.text;
  if (word.length < 4) return 0;
  for (const cut of [1, 2]) {
    // The rest is a word of three letters or more. Cut after one letter, the word must not open with
    // a Vietnamese onset (thang, khan are syllables) nor a doubled letter (a slip: "khẩu ttrang");
    // cut after an onset, the rest must open with a consonant (kh + trang, not th + anh).
    const rest = stem(word.slice(cut));
    if (rest.length < 3 || index.vietnameseInitials.get(rest)?.has(word.slice(0, cut)) !== true) continue;
    if (cut === 1 && (word[0] === word[1] || VIETNAMESE_ONSETS.has(word.slice(0, 2)))) continue;
    if (cut === 2 && (!VIETNAMESE_ONSETS.has(word.slice(0, 2)) || /^[aeiouy]/.test(rest))) continue;
    if (!/^[a-z]+$/.test(word) || index.commonWords.has(word)) return 0;
    // "K.Trang", "Kh.Trang": an initial and a capitalised word are a person's name.
    if (original !== undefined && NAME_INITIAL.test(original.slice(t.start, t.end))) return 0;
    // After the phrase's own first word the whole is a slip on the second: "cồn piod" is cồn iod.
    if (previous && previous.segment === t.segment && index.words.get(previous.text)?.firstTwo?.has(rest)) return 0;
    return cut;
  }
  return 0;
}

/**
 * Letters written one by one (s a n i t i z e r, k h ẩ u, c ồ n 7 0 đ ộ): each run of letters and
 * each run of digits joined, the letters read as words; a wider space ends a word.
 */
function readSpacedRun(index: MatchIndex, tokens: readonly Token[], i: number, into: ResolvedToken[]): number {
  const t = tokens[i];
  let j = i;
  while (j < tokens.length && tokens[j].text.length === 1 && tokens[j].segment === t.segment) j++;
  if (j - i < 3) return -1;
  // A wider gap than the run's narrowest separates two spaced-out words: "m a s q u e s   F F P 2".
  // When the pieces so cut do not all read ("k h  ẩ u": a stray space), the run is read whole.
  const gap = (k: number) => tokens[k].start - tokens[k - 1].end;
  let narrowest = Infinity;
  for (let k = i + 1; k < j; k++) if (gap(k) > 0) narrowest = Math.min(narrowest, gap(k));
  let attempt = readRun(index, tokens, i, j, (k) => gap(k) <= narrowest);
  if (attempt.unread) attempt = readRun(index, tokens, i, j, () => true);
  const { out, read } = attempt;
  if (!read) return -1;
  for (const x of out) into.push(x);
  return j - 1;
}

/**
 * Clerks' abbreviations (gt = găng tay, nrt = nước rửa tay) count as the words they stand for when
 * they stand next to another catalog word or abbreviation: "gt yt", "GT NITRILE", not "KT 30x40".
 */
function expandAbbreviations(index: MatchIndex, tokens: ResolvedToken[], original: string | undefined): ResolvedToken[] {
  if (index.abbreviations.size === 0) return tokens;
  const samePhrase = (a: number, b: number) => startsPhrase(index, tokens, a, b);
  // A catalog word; a filler only when it ends a catalog phrase with the word before it ("su" of
  // "cao su") or begins one with the word after it ("than" of "than hoạt tính").
  const catalogWord = (k: number) => index.vocabulary.has(tokens[k].text) && (!index.fillers.has(tokens[k].text) || samePhrase(k - 1, k) || samePhrase(k, k + 1));
  // Another abbreviation or a catalog word; before the abbreviation, a word of the good it stands for
  // ("surgical msks", not "Vòng bi NSK": a maker's name after the goods). A number is judged by what
  // follows it, below.
  const named = (k: number, seg: number, neighbours?: ReadonlySet<string>) => {
    const t = tokens[k];
    if (!t || t.segment !== seg) return false;
    if (index.abbreviations.has(t.raw)) return true;
    if (!catalogWord(k)) return false;
    return neighbours === undefined || neighbours.has(t.text) || NUMBER.test(t.text);
  };
  // Beside an abbreviation a quantity (the number at `at`) counts only before a catalog word ("KT 4
  // lớp", "GT 2 hộp y tế", not "KT 30", a size, nor "NSK 4 cái", bearings), or, for a longer one, as
  // a volume or a strength ("NST 5 lít", "NSK 70%", "NST 70 độ").
  const quantityCounts = (at: number, seg: number, short: boolean) => {
    const inSegment = (k: number) => k < tokens.length && tokens[k].segment === seg;
    if (!short) {
      for (let j = at; inSegment(j) && NUMBER.test(tokens[j].text); j++) {
        if (original?.[tokens[j].end] === '%') return true;
        if (inSegment(j + 1) && LIQUID_OR_STRENGTH.has(tokens[j + 1].text)) return true;
      }
    }
    let k = at + 1;
    while (inSegment(k) && (NUMBER.test(tokens[k].text) || index.fillers.has(tokens[k].text))) k++;
    return named(k, seg);
  };
  const isWord = (at: number, seg: number, short: boolean, neighbours?: ReadonlySet<string>) =>
    named(at, seg, neighbours) && (!NUMBER.test(tokens[at].text) || quantityCounts(at, seg, short));
  // One number and its unit right at `at`, in the abbreviation's list element ("độ" with its mark:
  // "2 đỏ" is a colour).
  const volumeRightAfter = (at: number, seg: number) => {
    const number = tokens[at];
    if (number?.segment !== seg || !NUMBER.test(number.text)) return false;
    // "100%" says genuine or new, not a strength: "NSK 100% chính hãng" (bearings).
    if (original?.[number.end] === '%') return number.text !== '100';
    const unit = tokens[at + 1];
    return unit?.segment === seg && LIQUID_OR_STRENGTH.has(unit.text) && (unit.text !== 'do' || original === undefined || writtenAs(original, unit, 'độ'));
  };
  const opensElement = (at: number) => opensItsElement(index.fillers, tokens, at);
  // The word before it, opening its list element, and the words it stands for make a phrase naming a
  // good: "CON SK 500ML" is cồn sát khuẩn, though "con" alone is also a filler (a child; "Sữa cho con
  // SK", sức khỏe); "1 thùng HG" is no "thùng hàng" (general).
  const namesWith = (at: number, seg: number, expansion: readonly string[]) =>
    at >= 0 &&
    tokens[at].segment === seg &&
    opensElement(at) &&
    (index.words.get(tokens[at].text)?.firstTwo?.get(expansion[0]) ?? []).some(
      (term) => (term.kind === 'term' || term.kind === 'head') && term.tokens.length === expansion.length + 1 && expansion.every((w, j) => term.tokens[j + 1] === w),
    );
  const out: ResolvedToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const expansion = index.abbreviations.get(t.raw);
    // A catalog word stays itself; a word read as one through a typo ("chir" as "chi") is the
    // abbreviation. One the catalog writes with a full stop ("gl.") needs it: "GL latex paint" is a brand.
    const undotted = expansion !== undefined && index.dottedAbbreviations.has(t.raw) && original?.[t.end] !== '.';
    if (!expansion || undotted || (index.vocabulary.has(t.text) && !t.fuzzy)) {
      out.push(t);
      continue;
    }
    // Long ones (ktyt, nrtk) are unambiguous alone. One written with a slash ("k/t", also kích thước,
    // a size) counts only before a catalog word: "k/t yte", not "Tủ thuốc y tế k/t 40x30cm".
    const alone = t.raw.length >= 4;
    const slashed = original !== undefined && original.slice(t.start, t.end).includes('/');
    const short = t.raw.length <= 2;
    if (
      alone ||
      (!slashed && (isWord(k - 1, t.segment, short, index.abbreviationNeighbours.get(t.raw)) || namesWith(k - 1, t.segment, expansion))) ||
      isWord(k + 1, t.segment, short) ||
      // A longer one opening its list element, right before a volume or a strength: "NRT 10 chai", "NST
      // 500 ml"; not after its good ("Dầu gội NSK 500ml", a brand) nor before a model ("NSK 6205 100%").
      (!short && opensElement(k) && volumeRightAfter(k + 1, t.segment))
    ) {
      for (const word of expansion) out.push({ ...t, text: word, fuzzy: false });
    } else out.push(t);
  }
  return out;
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { remove as foldConfusables } from 'confusables';
import { nativeCase } from './scripts';

/** A word of a description after folding, with where it stood in the original text. */
export type Token = {
  text: string;
  /** Code-unit offsets into the original string. */
  start: number;
  end: number;
  /** Index of the list element (comma, semicolon, "và", "and"...) the word belongs to. */
  segment: number;
  /** Written as an abbreviation: letters right before a slash or a full stop (k/trang, san. gel). */
  abbr?: boolean;
};

export type NormalizedText = { original: string; text: string; tokens: Token[] };

const INVISIBLE = /[\p{Cf}\p{M}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/u;
const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Characters that glue a word when they stand between letters (k.h.ẩ.u, N-95, s*a*n). */
const JOINERS = new Set(['.', '-', '_', '*', '·', '•', '~', '‧', '∙', '⋅']);
const SEGMENT_BREAKS = new Set([',', ';', '+', '&', '|', '\n', ':', '\\']);
const ABBREVIATION_MARKS = new Set(['/', '.']);
const SEGMENT_WORDS = new Set(['va', 'and', 'et', 'plus', 'kem', 'cung']);
/** Before "kèm" (with), these make "without": "không kèm", "ko kèm", "chưa kèm" (not "sữa chua kèm"). */
const NOT_WITH: Readonly<Record<string, string | null>> = { khong: null, ko: null, chua: 'chưa' };

function notWith(raw: string, previous: Token): boolean {
  if (!(previous.text in NOT_WITH)) return false;
  const marked = NOT_WITH[previous.text];
  return marked === null || lettersAsWritten(raw, previous.start, previous.end) === marked;
}
/** The Vietnamese list words as written with their marks: "cứng" (hard) and "kem" (cream) join nothing. */
const MARKED_SEGMENT_WORDS: Readonly<Record<string, string>> = { va: 'và', kem: 'kèm', cung: 'cùng' };
const QUANTITY = /^(\d+)(ml|l|lit|litre|liter|g|gr|kg|mg|oz|pcs|pc|c|cai|chiec|hop|goi|tui|chai|lo|h|pairs|pair|cap|doi|box|boxes|thung|vien|lop|ply|layer|layers|do)$/;
/**
 * Words glued to what follows them: a respirator's standard ("maskkf94", "masqueffp2" → mask kf94,
 * masque ffp2) or a number ("handsanitizer500ml", "alcohol70", "khautrang3lop50c"). Six letters
 * or more are no model name (kn95, ffp2, h910v), and a single digit before letters is a letter
 * written as one ("chirurgic4ux") unless it counts layers or a quantity.
 */
const GLUED_BEFORE_STANDARD = /^([a-z]{3,})((?:kn|kf|ffp)(?:9[0459]|80|100|[123])(?![0-9])[a-z0-9]*)$/;
const GLUED_BEFORE_NUMBER = /^([a-z]{6,})(\d[a-z0-9]*)$/;
/** Layers glued to a count after them: "3plyx50", "4lopx100". */
const LAYERS_AND_COUNT = /^(\d)(ply|lop|layers?)(x\d+)$/;
/** A shorter word glued to its layers, and a count after them: "mask3ply", "ktr3lopx50" (not a standard, "ffp3ply"). */
const GLUED_BEFORE_LAYERS = /^((?!ffp|kn|kf)[a-z]{2,5})(\d(?:ply|lop|layers?)(?:x\d+)?)$/;
/** A model glued to a count after it: "kn95x50", "n95x20". */
const GLUED_BEFORE_COUNT = /^([a-z]{1,4}\d{2,3})(x\d{1,4})$/;
const GLUED_COUNT = /^x\d+$/;
/** A short word glued to a strength in degrees: "cồn70độ" (cồn 70 độ), "rượu40độ". */
const GLUED_BEFORE_DEGREES = /^([a-z]{2,5})(\d{2}do)$/;
/** A short word glued to a percentage: "cồn90%", "con70%" (not "kn95%": three letters or more). */
const GLUED_BEFORE_PERCENT = /^([a-z]{3,5})(\d{2})$/;

/**
 * Degrees count only as "độ", with its marks, and only cut from a word before them (below): "con70do"
 * may be a toy car, and "co 90độ" is a pipe elbow (which "co 90 độ" reads as cồn: see the README).
 */
function endsInDegrees(raw: string, start: number, end: number): boolean {
  return raw.slice(start, end).normalize('NFC').toLowerCase().endsWith('độ');
}

function beforePercent(raw: string, at: number): boolean {
  const c = raw.charCodeAt(at);
  return c === 0x25 || c === 0xff05;
}
const FFP_CLASS = /^[123]$/;
/** Whether the word before a class digit is "FFP", one space away in the same list element: "FFP 2", not "FFP, 2 hộp" nor "FFP 2.8". */
function apartFromFfp(raw: string, previous: Token | undefined, segment: number, at: number): boolean {
  return previous !== undefined && previous.text === 'ffp' && previous.segment === segment && at - previous.end === 1 && raw[previous.end] === ' ';
}
const GLUED_NUMBER = /^(\d{2,}|\d(?:ply|lop|layers?|x)(?:x\d|(?![a-z])))/;
const DIGITS_IN = /\d/;
const DECIMAL_WHOLE = /^\d{1,3}$/;
const DIGITS = /^\d+$/;
/**
 * Letters of scripts with no Latin look-alikes (Hebrew, Arabic, Indic, Thai, Lao, Hangul, CJK, Kana):
 * no trick hides a Latin word in them, so where they meet Latin letters one word ends.
 */
const FAR_SCRIPT = /[\u0590-\u08ff\u0900-\u0eff\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff]/;
/** Whether a word ends where `c` would follow it: one of the two is a far script's letter, the other not. */
function farBoundary(word: string, c: string): boolean {
  const last = word[word.length - 1];
  return isWordChar(c) && isWordChar(last) && FAR_SCRIPT.test(c) !== FAR_SCRIPT.test(last);
}
/** Symbols and dingbats (❤, ✅, ☀): no letters, whatever they look like; 🅰, ⭕ and ⚪ still read as letters. */
const SYMBOL = /[\u2600-\u26a9\u26ac-\u27bf]/u;
/** Inside a word these stand for letters (m@sk, $anitizer); "!" only between letters (d!s!nfectant, not "Sale!"). */
const LEET_SYMBOLS = new Set(['@', '$', '!']);

/** A Chinese character (Japanese kanji included). */
const HAN = /\p{Script=Han}/u;
let simplifiedTable: ReadonlyMap<string, string> | null = null;

/**
 * OpenCC's table of traditional characters and their simplified forms (`TSCharacters` of
 * `opencc-js`), one character each: about 4,000 pairs, read at the first Chinese character. The
 * library's converter also builds its phrase tables, which a fold one character at a time has no
 * use for (about 10 MB of memory more). Should the file be missing, characters stay as written:
 * a traditional word then asks for a look as an unread word.
 */
function loadSimplifiedTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  try {
    const text = readFileSync(join(dirname(require.resolve('opencc-js')), '..', 'esm-lib', 'dict', 'TSCharacters.js'), 'utf8');
    for (const pair of text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')).split('|')) {
      const [from, to] = pair.split(' ');
      if (from !== undefined && to !== undefined && from !== to && [...from].length === 1 && [...to].length === 1) table.set(from, to);
    }
  } catch {
    // The table is an aid to reading; without it nothing is read wrongly, only less.
  }
  // A few pairs chain (薴 → 苧, 苧 → 苎): each character goes to the end of its chain, so that folding
  // a folded text changes nothing.
  for (const [from, to] of table) {
    let end = to;
    for (let steps = 0; table.has(end) && steps < 8; steps++) end = table.get(end)!;
    if (end !== to) table.set(from, end);
  }
  return table;
}

/**
 * A Chinese character in its simplified form: senders in Taiwan and Hong Kong write "醫用口罩" where
 * the catalog writes "医用口罩". Catalog and descriptions fold alike, so a Japanese word the table
 * also changes ("使い捨て" to "使い舍て") still meets itself.
 */
function simplified(ch: string): string {
  return (simplifiedTable ??= loadSimplifiedTable()).get(ch) ?? ch;
}

/**
 * A Chinese character simplified, a kana without its voicing mark (ジ as シ): a half-width kana
 * writes the mark apart ("ｼﾞ"), and one code point at a time it cannot be put back.
 */
function farLetter(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x3040 && code <= 0x30ff) return c.normalize('NFD')[0];
  return HAN.test(c) ? simplified(c) : c;
}

/**
 * Emojis that draw a good, as the word that names it, apart from the words beside them: "😷 y tế 4
 * lớp" is a medical mask. Read so only on request; otherwise an emoji is no letter.
 */
const PICTURED: Readonly<Record<string, string>> = { '\u{1f637}': ' mask ', '\u{1f9e4}': ' gloves ' };
/** Whether a text holds an emoji that draws a good. */
export const DRAWS_A_GOOD = /\u{1f637}|\u{1f9e4}/u;

const foldMemo = new Map<string, string>();

/** Folds one code point to lower-case ASCII where a Latin reading exists; '' for invisible ones. */
function foldChar(ch: string, pictured: boolean): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (pictured && (code === 0xd83d || code === 0xd83e)) {
    const drawn = PICTURED[ch];
    if (drawn) return drawn;
  }
  // Trade and copyright signs are no letters: "KN95™" is KN95.
  if (ch === '\u2122' || ch === '\u00ae' || ch === '\u00a9') return '';
  // Hangul, Chinese, Thai...: no Latin reading, and decomposing Hangul would make letters of its
  // pieces (누 into ᄂ, read as an l, and ᅮ). A compatibility form still folds to its character
  // (the Kangxi radical ⼝ is 口).
  if (code >= 0x590 && FAR_SCRIPT.test(ch) && !INVISIBLE.test(ch)) {
    const compatible = ch.normalize('NFKC');
    if (compatible.length === 1 && FAR_SCRIPT.test(compatible)) return farLetter(compatible);
  }
  const known = foldMemo.get(ch);
  if (known !== undefined) return known;
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    if (INVISIBLE.test(c)) continue;
    // A squared ideograph ("🈣") is its character, a half-width kana ("ｻ") the kana.
    if (c.charCodeAt(0) >= 0x2e80 && FAR_SCRIPT.test(c)) {
      out += farLetter(c);
      continue;
    }
    const strip = (v: string) => v.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/[đð]/g, 'd');
    let x = strip(c);
    // Greek iota, Cyrillic і and the dotless ı stand for an i ("sαnιtιzer", "ЅАNІТІZЕR", "sanıtızer"),
    // as a Latin capital I does; the look-alike table reads them as an l.
    if (x === 'ι' || x === 'і' || x === 'ı') x = 'i';
    // Capitals first: Greek Ν reads as N, while its small ν would read as v. A pictograph is no
    // letter, whatever it looks like (❤ is not o).
    if (NON_ASCII.test(x) && !SYMBOL.test(c)) {
      x = strip(foldConfusables(c));
      if (NON_ASCII.test(x)) x = strip(foldConfusables(x));
    }
    if (/\s/u.test(x)) x = ' ';
    out += x;
  }
  if (foldMemo.size < 20000) foldMemo.set(ch, out);
  return out;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(c);
}

type Folded = { chars: string[]; from: number[]; to: number[] };

function foldString(raw: string, pictured: boolean): Folded {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const cp of raw) {
    const folded = foldChar(cp, pictured);
    // A combining mark belongs to the letter before it (NFD input).
    if (folded === '' && to.length > 0 && /\p{M}/u.test(cp)) to[to.length - 1] = i + cp.length;
    for (const c of folded) {
      chars.push(c);
      from.push(i);
      to.push(i + cp.length);
    }
    i += cp.length;
  }
  return { chars, from, to };
}

function letterRunBefore(chars: string[], at: number): number {
  let n = 0;
  for (let k = at - 1; k >= 0 && /[a-z]/.test(chars[k]); k--) n++;
  return n;
}

function letterRunAfter(chars: string[], at: number): number {
  let n = 0;
  for (let k = at + 1; k < chars.length && /[a-z]/.test(chars[k]); k++) n++;
  return n;
}

/**
 * Whether an underscore, or a dash beside one, stands in a slug ("khau_trang_y_te_4_lop",
 * "khau-trang-y-te_loai-4-lop.jpg"): three pieces or more, most of them two characters or more.
 */
function inSlug(chars: string[], at: number): boolean {
  const piece = (c: string) => isWordChar(c) || c === '_' || c === '-';
  let a = at;
  while (a > 0 && piece(chars[a - 1])) a--;
  let b = at;
  while (b + 1 < chars.length && piece(chars[b + 1])) b++;
  const run = chars.slice(a, b + 1).join('');
  if (!run.includes('_')) return false;
  const pieces = run.split(/[-_]/).filter((p) => p !== '');
  return pieces.length >= 3 && pieces.filter((p) => p.length >= 2).length * 2 > pieces.length;
}

/**
 * A respirator's class the catalog names, written as one piece of a code: N95, KN95, KF94, FFP2.
 * Not P1 to P100: codes hold them as parts and versions too ("PI-2024-P2-77"), and a P100 filter
 * read apart names nothing the catalog has ("3M-2097-P100-OV" asks for a look whole).
 */
const RESPIRATOR_CLASS = /^(k?n|kf|ffp)\d{1,3}$/i;

/**
 * Whether a dash stands in a seller's code ("KTYT-4L-XANH-50C", "CON-90-DO-1L", "3M-8210-N95-T20"):
 * three pieces or more, most of them two characters or more, one with a digit, and two with two
 * letters or more or one a respirator's class the catalog names. Letters dashed apart one or two at
 * a time ("k-h-ẩ-u", "kh-au-tr-ang") are still one word, and so is a reference number
 * ("PI-2024-031", "SKU-88213-B").
 */
function inCode(chars: string[], at: number): boolean {
  let a = at;
  while (a > 0 && (isWordChar(chars[a - 1]) || chars[a - 1] === '-')) a--;
  let b = at;
  while (b + 1 < chars.length && (isWordChar(chars[b + 1]) || chars[b + 1] === '-')) b++;
  const pieces = chars.slice(a, b + 1).join('').split('-').filter((p) => p !== '');
  if (pieces.length < 3 || pieces.filter((p) => p.length >= 2).length * 2 <= pieces.length) return false;
  const lettered = pieces.filter((p) => (p.match(/\p{L}/gu)?.length ?? 0) >= 2).length;
  return pieces.some((p) => /\d/.test(p)) && (lettered >= 2 || pieces.some((p) => RESPIRATOR_CLASS.test(p)));
}

/** Whether the character at `at` glues the word around it rather than separating two words. */
function joins(chars: string[], at: number): boolean {
  const c = chars[at];
  const prev = chars[at - 1];
  const next = chars[at + 1];
  if (c === '!') return prev !== undefined && next !== undefined && isWordChar(prev) && !isDigit(prev) && isWordChar(next) && !isDigit(next);
  if (LEET_SYMBOLS.has(c)) return (prev !== undefined && isWordChar(prev)) || (next !== undefined && isWordChar(next));
  if (prev === undefined || next === undefined) return false;
  // "k/t", "g/t": single letters around a slash are one abbreviation (kt), read as one only when a
  // catalog word follows, since "k/t" is also kích thước (a size).
  if (c === '/') return letterRunBefore(chars, at) === 1 && letterRunAfter(chars, at) === 1 && !/\w/.test(chars[at - 2] ?? '') && !/\w/.test(chars[at + 2] ?? '');
  if (!JOINERS.has(c) || !isWordChar(prev) || !isWordChar(next)) return false;
  // "khau_trang_y_te_4_lop" is words in a slug; "k_h_ẩ_u", "hand_sani_tizer" and "N_95" are words.
  if (c === '_') return !inSlug(chars, at);
  // "cut-resistant", "non-stérile" are two words; "N-95", "k-h-ẩ-u" one, unless in a slug or a code.
  if (c === '-' && ((letterRunBefore(chars, at) >= 3 && letterRunAfter(chars, at) >= 3) || inSlug(chars, at) || inCode(chars, at) || partNumber(chars, at))) return false;
  return true;
}

/** Whether a dash parts a standard's number from the number of its part: "EN 455-1", "ISO 10993-5". */
function partNumber(chars: string[], at: number): boolean {
  let digits = 0;
  for (let k = at - 1; k >= 0 && isDigit(chars[k]); k--) digits++;
  return digits >= 3 && isDigit(chars[at + 1]) && !/[\p{L}\p{N}]/u.test(chars[at + 2] ?? '') && !/[\p{L}\p{N}]/u.test(chars[at - digits - 1] ?? '');
}

/** A word's last letter written three times or more. */
const HELD_LAST_LETTER = /([a-z])\1{2,}$/;

/** A last letter held as in a chat ("y teeee", "nhaaa") is the letter once; "AAA" is a word. */
function unheld(word: string): string {
  const last = word.length - 1;
  if (last < 3 || word[last] !== word[last - 1] || word[last] !== word[last - 2]) return word;
  const held = HELD_LAST_LETTER.exec(word);
  return held !== null && held.index > 0 ? word.slice(0, held.index + 1) : word;
}

/**
 * Folds a description to comparable words: NFKC, invisible characters dropped, look-alike letters
 * from other scripts read as Latin, case and Vietnamese diacritics folded (đ → d), words glued
 * by dots or dashes joined again. Total and idempotent on its `text`. With `pictured`, an emoji
 * that draws a good reads as the good's word ("😷" as mask).
 * @see https://www.unicode.org/reports/tr39/ (confusables)
 */
export function normalizeText(raw: string, pictured = false): NormalizedText {
  const { chars, from, to } = foldString(nativeCase(raw), pictured);
  const tokens: Token[] = [];
  let segment = 0;
  let word = '';
  let wordStart = -1;
  let wordEnd = -1;
  // Where each code unit of the word begins in the original: folding may write one character as
  // several ("ﬁ" as fi) or several as one, so a cut inside the word is placed through these.
  let unitStarts: number[] = [];
  const at = (i: number) => (i < unitStarts.length ? unitStarts[i] : wordEnd);
  // Whether the word is a number whose thousands were glued ("1,500" so far of "1,500,000").
  let grouped = false;
  const flush = () => {
    grouped = false;
    if (word === '') return;
    word = unheld(word);
    // "không kèm khẩu trang" (masks not included) keeps its words: the "kèm" of a negation joins nothing.
    if (SEGMENT_WORDS.has(word) && tokens.length > 0 && !(word === 'kem' && notWith(raw, tokens[tokens.length - 1])) && writtenAsListWord(raw, word, wordStart, wordEnd)) {
      segment++;
    } else {
      let rest = word;
      let restStart = wordStart;
      let restAt = 0;
      // Both need six letters and a digit: most words have no digit and are not looked at.
      const mixed = word.length > 6 && DIGITS_IN.test(word);
      const standard = mixed ? GLUED_BEFORE_STANDARD.exec(word) : null;
      const glued =
        standard ??
        (mixed ? (GLUED_BEFORE_NUMBER.exec(word) ?? (endsInDegrees(raw, wordStart, wordEnd) ? GLUED_BEFORE_DEGREES.exec(word) : null)) : null) ??
        // Shorter words too: "mask3ply", "kn95x50".
        (word.length > 4 && DIGITS_IN.test(word) ? (GLUED_BEFORE_LAYERS.exec(word) ?? GLUED_BEFORE_COUNT.exec(word)) : null) ??
        (beforePercent(raw, wordEnd) ? GLUED_BEFORE_PERCENT.exec(word) : null);
      if (glued && (standard || GLUED_NUMBER.test(glued[2]) || QUANTITY.test(glued[2]) || GLUED_COUNT.test(glued[2]))) {
        restAt = glued[1].length;
        restStart = at(restAt);
        // The word before a glued number may end in a held letter too ("trangggg500").
        tokens.push({ text: unheld(glued[1]), start: wordStart, end: restStart, segment, abbr: false });
        rest = glued[2];
      }
      // "500ml", "100c": a quantity glued to its unit is two words; "3plyx50", layers and a count, three.
      const unit = QUANTITY.exec(rest);
      const counted = unit ? null : LAYERS_AND_COUNT.exec(rest);
      if (counted) {
        const count = at(restAt + counted[1].length);
        const layers = at(restAt + counted[1].length + counted[2].length);
        tokens.push(
          { text: counted[1], start: restStart, end: count, segment, abbr: false },
          { text: counted[2], start: count, end: layers, segment, abbr: false },
          { text: counted[3], start: layers, end: wordEnd, segment, abbr: false },
        );
      } else if (unit && (unit[2] !== 'do' || (restStart > wordStart && endsInDegrees(raw, wordStart, wordEnd)))) {
        const cut = at(restAt + unit[1].length);
        tokens.push({ text: unit[1], start: restStart, end: cut, segment, abbr: false }, { text: unit[2], start: cut, end: wordEnd, segment, abbr: false });
      } else if (FFP_CLASS.test(rest) && restStart === wordStart && wordEnd - wordStart === 1 && apartFromFfp(raw, tokens[tokens.length - 1], segment, wordStart)) {
        // A respirator's class written apart from its letters ("FFP 2"): one word, as "FFP2".
        const ffp = tokens[tokens.length - 1];
        tokens[tokens.length - 1] = { ...ffp, text: ffp.text + rest, end: wordEnd };
      } else tokens.push({ text: rest, start: restStart, end: wordEnd, segment, abbr: false });
    }
    word = '';
    unitStarts = [];
  };
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (isWordChar(c) || (LEET_SYMBOLS.has(c) && joins(chars, k))) {
      // Chinese, Korean, Thai... glued to Latin letters or digits are two words: "口罩KN95", "50个".
      if (word !== '' && (c.charCodeAt(0) >= 0x590 || word.charCodeAt(word.length - 1) >= 0x590) && farBoundary(word, c)) flush();
      if (word === '') wordStart = from[k];
      word += c;
      for (let u = 0; u < c.length; u++) unitStarts.push(from[k]);
      wordEnd = to[k];
      continue;
    }
    // A decimal comma or point ("cồn 70,5 độ", "99.9 %"): the number keeps its whole part, as a catalog
    // phrase written with one does; "1,500,000", "1.500.000đ" and "KN95,50 cái" are not decimals.
    if ((c === ',' || c === '.') && DIGITS.test(word)) {
      let e = k + 1;
      while (e < chars.length && isDigit(chars[e])) e++;
      if (e - k - 1 >= 1 && e - k - 1 <= 2 && DECIMAL_WHOLE.test(word)) {
        wordEnd = to[e - 1];
        k = e - 1;
        continue;
      }
      // A thousands comma ("1,000 cái", "100,000 đôi") glues its groups, as a thousands point does;
      // "1860,100 cái" is a model and a quantity.
      if (c === ',' && e - k - 1 === 3 && (DECIMAL_WHOLE.test(word) || grouped)) {
        grouped = true;
        continue;
      }
    }
    if (word !== '' && joins(chars, k)) continue;
    if (word !== '' && ABBREVIATION_MARKS.has(c) && /^[a-z]{1,4}$/.test(word)) {
      const abbreviated = word;
      flush();
      const last = tokens[tokens.length - 1];
      if (last && last.text === abbreviated) last.abbr = true;
      // "g/tay" keeps its words together; a slash between longer words separates list elements.
      continue;
    }
    // A plus after a model number ("9501+", "1870+ Aura") is part of the name, not "and".
    // SPF50+ or 3+ (an age) are not models: three digits or more are.
    const modelPlus = c === '+' && /\d{3}$/.test(word) && (k + 1 === chars.length || /\s/.test(chars[k + 1]));
    flush();
    if (c === '/' && tokens.length > 0 && tokens[tokens.length - 1].segment === segment) segment++;
    if (SEGMENT_BREAKS.has(c) && !modelPlus && tokens.length > 0 && tokens[tokens.length - 1].segment === segment) segment++;
  }
  flush();
  return { original: raw, text: tokens.map((t) => t.text).join(' '), tokens };
}

/** Whether a list word is written as one: without marks, or with its own ("cùng", not "cứng"). */
function writtenAsListWord(raw: string, word: string, start: number, end: number): boolean {
  const marked = MARKED_SEGMENT_WORDS[word];
  if (marked === undefined) return true;
  const written = lettersAsWritten(raw, start, end);
  return written === word || written === marked;
}

/**
 * Whether a word is written with the given marks, or (when `bareAllowed`) with no letter beyond
 * ASCII: "phí" is not "phi", "muối" not "mười", while "muoi" may be either.
 */
export function writtenAs(original: string, t: { start: number; end: number }, marked: string, bareAllowed = true): boolean {
  const here = original.slice(t.start, t.end).normalize('NFC').toLowerCase();
  return here === marked || (bareAllowed && !NON_ASCII_LETTER.test(here));
}
const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/** The letters of raw[start, end) as written, lower case, with their marks (NFC). */
function lettersAsWritten(raw: string, start: number, end: number): string {
  return raw.slice(start, end).normalize('NFC').toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Folds plurals so "gloves", "gants" and "médicaux" meet "glove", "gant" and "médical". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('aux')) return word.slice(0, -3) + 'al';
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The folded, stemmed words of a catalog phrase, as description words are read. */
export function phraseTokens(phrase: string): string[] {
  return normalizeText(phrase).tokens.map((t) => stem(t.text));
}

/** The words of a catalog phrase as written, with their diacritics (lower case, NFC), one per folded word. */
export function writtenWords(phrase: string): string[] {
  const nfc = phrase.normalize('NFC').toLowerCase();
  return normalizeText(nfc).tokens.map((t) => nfc.slice(t.start, t.end));
}

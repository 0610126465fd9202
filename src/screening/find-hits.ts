import { toneOf, VIETNAMESE_LETTER, VIETNAMESE_MARK, VIETNAMESE_SYLLABLE, writtenWordsOf, type IndexedTerm, type MatchIndex } from './match-index';
import { opensItsElement } from './fillers';
import { LEET, LIQUID_OR_STRENGTH, type ResolvedToken } from './resolve-tokens';
import { soundInitial, soundKey, southernFinal, telexFold } from './sound-key';

/** A catalog phrase found in a description, with the words it covers. */
export type Hit = {
  term: IndexedTerm;
  from: number;
  to: number;
  segment: number;
  fuzzy: boolean;
  /** A word of a generic phrase written with other marks than the phrase word's ("kháu" for khẩu). */
  toneSlip: boolean;
  /**
   * A phrase naming the good, or a generic word of two words or more, whose last word the
   * description's end cuts short, as a form's field limit does ("HAND SANITI", "KHAU TRANG Y T",
   * "KHAU TR"): it asks for a look, since "Lotion anti" or "Gel hydro" may be cut from other goods.
   */
  cut: boolean;
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
const NON_ASCII = /[^\x00-\x7f]/;
const DIGIT = /\d/;

/** Whether a word is a code with some of its digits written as the letters they look like (`LEET`). */
function drawnAs(raw: string, want: string): boolean {
  if (raw.length !== want.length) return false;
  let drawn = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === want[i]) continue;
    if (!LEET[want[i]]?.includes(raw[i])) return false;
    drawn++;
  }
  return drawn > 0;
}

/** A word that stands for another inside a phrase: one typo, a Telex leftover, a regional spelling. */
function looselyEqual(scan: Scan, k: number, want: string, minLength: number): boolean {
  const raw = scan.tokens[k].raw;
  // A number or a code is written exactly, but for a letter drawn as its digit: "ASTM D3574" (foam)
  // is no D3578, "EN 1400" no EN 1500, while "KN9S" is KN95.
  if (DIGIT.test(want)) return drawnAs(raw, want);
  // A typo keeps the first letter: "bằng tay" (by hand) is not "găng tay".
  if (want.length >= minLength && raw[0] === want[0] && withinOneEdit(raw, want)) return true;
  // In a phrase of three words or more, "tr" short of its t: "khẩu rang y tế" ("hong" is no "không").
  if (minLength === 3 && want.length >= 5 && raw.length === want.length - 1 && want.startsWith('tr') && want.endsWith(raw)) return true;
  // The word's Telex reading and sound key, read once per description.
  const telex = (scan.telex[k] ??= telexFold(raw));
  if (telex === want) return true;
  if (raw === want) return false;
  if ((scan.sound[k] ??= soundKey(raw)) === soundKey(want)) return true;
  // A final as the South writes it, on a word written with its marks ("sác" for sát).
  return (southernFinal(raw) || southernFinal(want)) && NON_ASCII.test(tonedOf(scan, k)) && soundKey(raw, true) === soundKey(want, true);
}

/**
 * A description being matched: its words, and what is read of each only when asked, once (each
 * word as written with its diacritics, its Telex reading, its sound key; whether the line is in capitals).
 */
type Scan = {
  original: string;
  tokens: readonly ResolvedToken[];
  toned: (string | undefined)[];
  telex: (string | undefined)[];
  sound: (string | undefined)[];
  /** Whether each word is written with a vowel's hat, horn or breve, or đ. */
  hats: (boolean | undefined)[];
  allCaps: boolean | undefined;
  unmarked: boolean | undefined;
  fillers: ReadonlySet<string>;
  vocabulary: ReadonlySet<string>;
  /** Hits that may be a share of what is left ("còn 90%"): kept only beside a word of their entry. */
  shares: Set<Hit> | undefined;
};

/** Marks only Vietnamese writes (NFD): the hook, the dot below, the horn, đ, a tone on a hat or a breve. */
const VIETNAMESE_ONLY = /[\u0309\u0323\u031b\u0111]|[\u0302\u0306][\u0300\u0301\u0303\u0309\u0323]/;

/** A word as written, with its diacritics, for phrases that need them. */
function tonedOf(scan: Scan, k: number): string {
  let toned = scan.toned[k];
  if (toned === undefined) {
    const t = scan.tokens[k];
    const written = scan.original.slice(t.start, t.end);
    // ASCII is its own NFKC and NFC.
    toned = NON_ASCII.test(written)
      ? written.normalize('NFKC').toLowerCase().replace(INVISIBLE_OR_JOINER, '').normalize('NFC')
      : written.toLowerCase().replace(INVISIBLE_OR_JOINER, '');
    scan.toned[k] = toned;
  }
  return toned;
}

/** The Vietnamese marks of a word (tone, hat, horn, breve, the stroke of đ), in a comparable form. */
function marksOf(word: string): string {
  const marks = word.normalize('NFD').match(/[\u0300-\u036f\u0111]/g);
  return marks ? marks.sort().join('') : '';
}

/**
 * Whether a word read loosely as a phrase word is another Vietnamese word: written with marks of
 * its own that are not the phrase word's, its letters differing too ("cuộn", a roll, is not "cồn").
 */
function anotherMarkedWord(scan: Scan, k: number, term: IndexedTerm, at: number): boolean {
  const written = tonedOf(scan, k);
  if (!NON_ASCII.test(written)) return false;
  const phraseWord = writtenWordsOf(term)?.[at];
  if (phraseWord === undefined) return false;
  const mine = marksOf(written);
  // A phrase word with no marks ("tay") is no word written with marks of its own ("tắm").
  return mine !== '' && mine !== marksOf(phraseWord);
}

/**
 * Whether a two-word term is written as two other words: both its words carry marks, neither is
 * written (in Latin letters) with its own, and one has a vowel's hat, breve or horn the term's word
 * has not ("Thước đo 1m" is a ruler, not thuốc đỏ). Marks left out are slips: "còn 70", "thuóc đỏ".
 */
function otherWordsWritten(scan: Scan, at: number, term: IndexedTerm): boolean {
  const written = writtenWordsOf(term);
  if (written === null) return false;
  let other = false;
  for (let k = 0; k < written.length; k++) {
    const phraseWord = written[k];
    const t = scan.tokens[at + k];
    const here = tonedOf(scan, at + k);
    if (!NON_ASCII.test(phraseWord) || t.fuzzy || t.raw !== t.text || here === phraseWord || !NON_ASCII.test(here) || !LATIN_WORD.test(here)) return false;
    if (bareLetters(here) !== bareLetters(phraseWord)) return false;
    if (addsShape(here, phraseWord)) other = true;
  }
  return other;
}

/**
 * Whether a term of a word and a number may be a share of what is left: its word written as the
 * term's with a vowel's mark left out ("còn", still, for cồn), past the start of its list element,
 * the number a percentage with no volume nor bottle after it. Such a hit stays only beside another
 * phrase of its entry: "Điện thoại cũ còn 90%" is a used phone, "Xịt tay còn 75%" a sanitizer;
 * "còn 90%, bông băng", "bông băng cón 90%" and "bông băng còn 70% 1 chai" are read as cồn.
 */
function shareLeft(scan: Scan, at: number, term: IndexedTerm): boolean {
  const number = scan.tokens[at + 1];
  if (!/^\d+$/.test(term.tokens[1]) || scan.original[number.end] !== '%') return false;
  const word = writtenWordsOf(term)?.[0];
  const here = tonedOf(scan, at);
  if (word === undefined || here === word || !NON_ASCII.test(here) || bareLetters(here) !== bareLetters(word) || toneOf(here) !== toneOf(word)) return false;
  // Marks left out only: "còn" for cồn, not "cơn".
  if (shapesOf(here).length >= shapesOf(word).length || addsShape(here, word)) return false;
  // A volume or a bottle after it is the liquid's: "bông băng còn 90% 1 chai".
  for (let j = at + 2; j < scan.tokens.length && scan.tokens[j].segment === number.segment; j++) if (LIQUID_OR_STRENGTH.has(scan.tokens[j].text)) return false;
  return !opensItsElement(scan.fillers, scan.tokens, at);
}

/**
 * Whether a word read loosely as a term's name is a bare word of its own: a Vietnamese syllable
 * written without marks (not "csn", a slip, nor "C@n"), where the term's word has marks, the rest of
 * the term is a strength, and another word of its list element (not a unit) is written with marks. "Co 90 độ
 * ống nước PVC" and "Cút co 90 độ" are pipe elbows, not cồn 90 độ; "co 90 do", "Co 90 độ, bông gòn"
 * and "Com 70 độ 500ml" are still read as cồn.
 */
function bareBeforeStrength(scan: Scan, k: number, term: IndexedTerm, at: number): boolean {
  const written = scan.original.slice(scan.tokens[k].start, scan.tokens[k].end).toLowerCase();
  if (!/^[a-z]+$/.test(written) || !VIETNAMESE_SYLLABLE.test(written)) return false;
  const phraseWord = writtenWordsOf(term)?.[at];
  if (phraseWord === undefined || !NON_ASCII.test(phraseWord)) return false;
  if (!term.tokens.every((w, j) => j === at || /^\d+$/.test(w) || w === 'do')) return false;
  // Another word of its list element, outside the term, written with marks.
  const { tokens } = scan;
  const from = k - at;
  const to = from + term.tokens.length;
  const marked = (j: number) => !LIQUID_OR_STRENGTH.has(tokens[j].text) && NON_ASCII.test(scan.original.slice(tokens[j].start, tokens[j].end));
  for (let j = from - 1; j >= 0 && tokens[j].segment === tokens[k].segment; j--) if (marked(j)) return true;
  for (let j = to; j < tokens.length && tokens[j].segment === tokens[k].segment; j++) if (marked(j)) return true;
  return false;
}

const LATIN_WORD = /^\p{Script=Latin}+$/u;
/** A word's letters without their marks: "thước" and "thuốc" are both "thuoc"; "désinfectante" is not "désinfectantes". */
const bareLetters = (word: string) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
/** The vowel shapes a word is written with: hat, breve, horn (not tones). */
const shapesOf = (word: string) => word.normalize('NFD').replace(/[^\u0302\u0306\u031b]/g, '');
/** Whether a word is written with a vowel shape the catalog's word has not ("thước" for thuốc). */
const addsShape = (here: string, word: string) => {
  const own = shapesOf(word);
  return [...shapesOf(here)].some((mark) => !own.includes(mark));
};

/**
 * A one-word Vietnamese phrase must be written with its tones (cồn, not con), and not as a proper
 * noun inside the text ("Cồn Phụng" is an islet).
 */
function tonedMatch(scan: Scan, at: number, toned: string): boolean {
  if (tonedOf(scan, at) !== toned) return false;
  const { original, tokens } = scan;
  const written = original.slice(tokens[at].start, tokens[at].end);
  return at === 0 || (scan.allCaps ??= original === original.toUpperCase()) || written[0] === written[0].toLowerCase();
}

/** Words after which an unmarked general word opening the line reads as one: whom it is for, or the occasion ("do Tet"). */
const AFTER_AN_OPENING_WORD = new Set(['cho', 'gui', 'tang', 'bieu', 'tet']);

/** Whether the word at `k` is a filler no Vietnamese syllable spells: a chat abbreviation ("sn", "ck", "ny"). */
function chatFiller(scan: Scan, k: number): boolean {
  const text = scan.tokens[k].text;
  return scan.fillers.has(text) && !VIETNAMESE_SYLLABLE.test(text) && !DIGIT.test(text);
}

/**
 * A general word typed without marks opening a line typed without any ("hang", "qua cho bn", "thuoc"):
 * the line gives no tone to tell it from another word, and a look costs less than a guess.
 */
function unmarkedMatch(scan: Scan, at: number): boolean {
  const t = scan.tokens[at];
  if (t.fuzzy || t.raw !== t.text) return false;
  // Only the word that opens the line, alone, saying whom it is for ("qua cho bn", "hang gui em
  // gai"), before "tet" ("do Tet") or before a chat abbreviation ("qua sn cho ban", "do gui ck"):
  // further on, or before another word, it is as often another one ("lo", a jar; "Do gom",
  // pottery; "Thuoc cuon", a tape measure).
  if (at !== 0 || (scan.tokens.length > 1 && !AFTER_AN_OPENING_WORD.has(scan.tokens[1].text) && !chatFiller(scan, 1))) return false;
  scan.unmarked ??= !VIETNAMESE_MARK.test(scan.original.normalize('NFD'));
  return scan.unmarked;
}

/** Letters with a vowel's hat, horn or breve, or đ, as written (NFC, either case); tones are the other marks. */
const HAT_HORN_BREVE = new Set('ăâđêôơưấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự'.split('').flatMap((c) => [c, c.toUpperCase()]));

/** Whether the word at `k` is written with a letter of `HAT_HORN_BREVE` (remembered per word). */
function hasHat(scan: Scan, k: number): boolean {
  let hat = scan.hats[k];
  if (hat === undefined) {
    const { start, end } = scan.tokens[k];
    hat = false;
    for (let i = start; i < end && !hat; i++) hat = scan.original.charCodeAt(i) >= 0xc0 && HAT_HORN_BREVE.has(scan.original[i]);
    scan.hats[k] = hat;
  }
  return hat;
}

/**
 * Whether the word at `at + k`, folded as a word of a Vietnamese term of three words or more that
 * the catalog writes with no mark at all, is written with a vowel's hat, horn or breve while every
 * other word of the term is written exactly as the catalog writes it: a writer that careful means
 * another word ("Xịt tẩy khô" is a stain remover, no "xịt tay khô"). A word the catalog writes with
 * a tone keeps its slips ("Thuốc sắt trùng"), as do slips in several words ("gang tây y tế") and
 * two-word terms, where a spelling may differ ("ôxy già").
 */
function deliberatelyOther(scan: Scan, at: number, term: IndexedTerm, k: number): boolean {
  // The cheapest tests first: most words of most terms are out at once.
  if (term.tokens.length < 3) return false;
  const t = scan.tokens[at + k];
  if (t.fuzzy || t.raw !== t.text || !hasHat(scan, at + k)) return false;
  const written = writtenWordsOf(term);
  if (written === null || NON_ASCII.test(written[k]) || !written.some((w) => VIETNAMESE_LETTER.test(w))) return false;
  for (let j = 0; j < written.length; j++) if (j !== k && tonedOf(scan, at + j) !== written[j]) return false;
  return true;
}

/** A word written with diacritics must carry the phrase word's own, hỏi and ngã as one; one written without them passes. */
function sameTones(scan: Scan, k: number, toned: string, want: string): boolean {
  const t = scan.tokens[k];
  // A word read from a glued or spaced-out span has no tones of its own to compare.
  if (t.fuzzy || t.raw !== t.text) return true;
  const written = tonedOf(scan, k);
  if (!NON_ASCII.test(written) || written === toned || !NON_ASCII.test(toned)) return true;
  // A word spelled otherwise (a slip, a region's spelling: "sác" for sát) keeps the tone alone.
  if (t.text !== want) return writtenTone(written) === writtenTone(toned);
  return HOI_OR_NGA.test(written) && HOI_OR_NGA.test(toned) && hoiAsNga(written) === hoiAsNga(toned);
}

/**
 * Whether general wording written in Vietnamese meets, where it has a syllable without marks, a word
 * written with marks: "kho" of "xả kho" (a clearance sale) is no "khô" (dried), and "Sả khô" is dried
 * lemongrass. A word read from a glued or spaced-out span has no marks of its own to compare.
 */
function markedOverBare(scan: Scan, k: number, term: IndexedTerm, j: number): boolean {
  const t = scan.tokens[k];
  if (t.fuzzy || t.raw !== t.text) return false;
  const written = writtenWordsOf(term);
  if (written === null || NON_ASCII.test(written[j]) || !VIETNAMESE_SYLLABLE.test(written[j])) return false;
  return NON_ASCII.test(tonedOf(scan, k)) && written.some((w) => VIETNAMESE_LETTER.test(w));
}

const NGA = /\u0303/g;
/** Each vowel written with a tone (NFC, either case) and its tone, hỏi and ngã as one. */
const TONED_VOWELS: ReadonlyMap<string, string> = new Map(
  [...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY'].flatMap((v) =>
    ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((tone): [string, string] => [(v + tone).normalize('NFC'), tone === '\u0303' ? '\u0309' : tone]),
  ),
);

/** A word's tone as `toneOf` reads it, looked up letter by letter (no normalization). */
function writtenTone(word: string): string {
  for (const c of word) {
    const tone = TONED_VOWELS.get(c);
    if (tone !== undefined) return tone;
  }
  return '';
}

/** A vowel with hỏi or ngã, as written (NFC, either case). */
const HOI_OR_NGA = /[ảẩẳẻểỉỏổởủửỷãẫẵẽễĩõỗỡũữỹ]/i;

/** A word with its ngã written as hỏi, the two tones most often confused: "khuẫn" is khuẩn. */
function hoiAsNga(word: string): string {
  return word.normalize('NFD').replace(NGA, '\u0309');
}

/**
 * Whether an abbreviated word may stand for the phrase word at `k`: an initial cut from a glued word
 * (the k of "ktrang", which shares the word's span with "trang") stands only for a word its rest follows.
 */
function initialFits(tokens: readonly ResolvedToken[], at: number, term: IndexedTerm, k: number): boolean {
  const rest = tokens[at + 1];
  if (rest === undefined || rest.start !== tokens[at].start) return true;
  return k + 1 < term.tokens.length && term.tokens[k + 1] === rest.text;
}

/** Marks that part a list, whatever words stand beside them. */
const LIST_MARKS = /[,;:|\n\\/]/;

/**
 * Whether a general phrase written with a list word goes on across the break before its k-th word:
 * a list word ("Odds and ends", "bits & pieces") does not part it, a comma does ("odds, ends").
 */
function joinedByListWord(scan: Scan, term: IndexedTerm, at: number, k: number): boolean {
  if (term.joined?.includes(k) !== true) return false;
  return !LIST_MARKS.test(scan.original.slice(scan.tokens[at + k - 1].end, scan.tokens[at + k].start));
}

/**
 * Whether a phrase stands at a position. All words must be there in order within one list element;
 * a phrase of several words (not a brand) tolerates one word with a typo or written as an
 * abbreviation, as long as another word is exact.
 */
function matchAt(scan: Scan, at: number, term: IndexedTerm): Hit | null {
  const { tokens } = scan;
  const n = term.tokens.length;
  if (at + n > tokens.length) return null;
  // At most one word may be written otherwise than the phrase writes it, and only in a phrase of
  // several words that is no brand (below): most phrases tried are out on their words alone, before
  // any tone or spelling is read.
  let other = -1;
  for (let k = 0; k < n; k++) {
    if (tokens[at + k].text === term.tokens[k]) continue;
    if (other >= 0 || n < 2 || term.kind === 'brand') return null;
    other = k;
  }
  // That word is cut short, abbreviated, or read loosely (below): a word that is none of them puts
  // the phrase out at once too.
  if (other >= 0) {
    const { raw } = tokens[at + other];
    const want = term.tokens[other];
    if (!(want.length > raw.length && want.startsWith(raw)) && !looselyEqual(scan, at + other, want, n > 2 ? 3 : 4)) return null;
  }
  let cut = false;
  let needed = 1;
  if (term.toned !== undefined && !tonedMatch(scan, at, term.toned) && !(term.kind === 'vague' && unmarkedMatch(scan, at))) return null;
  const seg = tokens[at].segment;
  let fuzzy = false;
  let toneSlip = false;
  let loose = 0;
  let exact = 0;
  let acrossSlashes = false;
  let acrossLines = true;
  for (let k = 0; k < n; k++) {
    const t = tokens[at + k];
    const want = term.tokens[k];
    if (k > 0 && t.segment !== tokens[at + k - 1].segment && !joinedByListWord(scan, term, at, k)) {
      if (!brokenApart(scan, at, at + k)) return null;
      acrossSlashes = true;
      acrossLines &&= lineBreakBefore(scan, at + k);
    }
    if (term.kind === 'vague' && markedOverBare(scan, at + k, term, k)) return null;
    if (term.tonedTokens && !sameTones(scan, at + k, term.tonedTokens[k], want)) {
      // Only a head may be written with other marks, and only counts beside a qualifier (scoreEntry).
      if (term.kind !== 'head') return null;
      toneSlip = true;
    }
    if (t.text === want) {
      if (term.kind === 'term' && deliberatelyOther(scan, at, term, k)) return null;
      // A standard's "EN" is written in capitals: "Vin rouge en 1500 ml", "Tissu en 149 cm" are French.
      if (k === 0 && want === 'en' && n > 1 && DIGIT.test(term.tokens[1]) && scan.original.slice(t.start, t.end) !== 'EN') return null;
      // A word of another language is not a Vietnamese word written with its marks: "ốp" (a phone
      // case) is no German "OP".
      if (term.otherLanguage === true && VIETNAMESE_ONLY.test(tonedOf(scan, at + k).normalize('NFD'))) return null;
      exact++;
      fuzzy ||= t.fuzzy;
      continue;
    }
    if (n < 2 || term.kind === 'brand' || loose > 0) return null;
    // The description's last word, cut short by a field limit ("HAND SANITI", "KHAU TRANG Y T"),
    // when no typo reads it: the clerk looks.
    if (
      (term.kind === 'term' || term.kind === 'head') && k > 0 && at + k === tokens.length - 1 && want.length > t.raw.length && want.startsWith(t.raw) &&
      endsAtLast(scan) && !looselyEqual(scan, at + k, want, n > 2 ? 3 : 4) && !(t.raw.length >= 4 && scan.vocabulary.has(t.raw)) &&
      !markedBeyondItsPhrase(scan, t, term)
    ) {
      cut = true;
      // Cut to one letter, the rest of the phrase must be there in full.
      if (t.raw.length < 2) needed = 2;
      loose++;
      fuzzy = true;
      continue;
    }
    // A filler is a word of its own, never a loose reading of a word of a general phrase or a
    // look-alike: "Đồ cho mẹ", "giá đỡ chai" are not "đồ chơi".
    // Nor a short filler as a phrase's last word: "Khẩu trang gia đình" is not "khẩu trang giấy".
    const naming = term.kind === 'term' || term.kind === 'head' || term.kind === 'qualifier';
    if ((!naming || (k === n - 1 && t.raw.length <= 3)) && scan.fillers.has(t.text)) return null;
    const abbreviated = t.abbr === true && want.length > t.raw.length && want.startsWith(t.raw) && initialFits(tokens, at + k, term, k);
    // Never for brands: "Bảo Thanh" cough syrup is not "Bảo Thạch" masks.
    if (!abbreviated && (!looselyEqual(scan, at + k, want, n > 2 ? 3 : 4) || anotherMarkedWord(scan, at + k, term, k))) return null;
    if (!abbreviated && bareBeforeStrength(scan, at + k, term, k)) return null;
    loose++;
    fuzzy = true;
  }
  if (exact < needed) return null;
  if (term.kind === 'term' && n === 2 && otherWordsWritten(scan, at, term)) return null;
  // Across breaks, the phrase holds every word of the elements it spans ("khau / trang / y te"), or,
  // a term broken only by line breaks, its words before the last break stand one to a line, the
  // rest going on ("Găng↵tay khám bệnh (10 hộp)"): "Khẩu trang↵Y tế dụng cụ" is two goods, and
  // after a slash the words go on as a list does ("găng / tay làm vườn").
  if (acrossSlashes && tokens[at + n]?.segment === tokens[at + n - 1].segment && !(term.kind === 'term' && acrossLines && oneWordElements(tokens, at, n))) return null;
  const hit = { term, from: at, to: at + n, segment: seg, fuzzy: fuzzy || toneSlip || cut, toneSlip, cut };
  if (term.kind === 'term' && n === 2 && shareLeft(scan, at, term)) (scan.shares ??= new Set()).add(hit);
  return hit;
}

/** A slash or a line break, alone between two words. */
const SPELLING_BREAK = /^\s*\/\s*$|^[ \t]*\r?\n\s*$/;

/**
 * Whether the words at `from` and `next` stand in list elements that only a slash or a line break
 * parts, each element from `from` on holding just the phrase's words: a phrase spelled out one word
 * per element ("găng / tay / phẫu / thuật", "khau↵trang↵y te") is one phrase. A list of goods
 * ("Khẩu trang / găng tay") never reads across: no phrase spans its elements whole.
 */
function brokenApart(scan: Scan, from: number, next: number): boolean {
  const { tokens, original } = scan;
  if (tokens[from - 1]?.segment === tokens[from].segment) return false;
  const gap = original.slice(tokens[next - 1].end, tokens[next].start);
  return SPELLING_BREAK.test(gap);
}

/** Whether a line break parts the word at `k` from the one before it. */
function lineBreakBefore(scan: Scan, k: number): boolean {
  return scan.original.slice(scan.tokens[k - 1].end, scan.tokens[k].start).includes('\n');
}

/** Whether each word of a phrase before its last break stands alone in its list element. */
function oneWordElements(tokens: readonly ResolvedToken[], at: number, n: number): boolean {
  for (let k = 1; k < n; k++) {
    if (tokens[at + k].segment !== tokens[at + k - 1].segment && k > 1 && tokens[at + k - 2].segment === tokens[at + k - 1].segment) return false;
  }
  return true;
}

/**
 * Whether a word is written with Vietnamese marks that its phrase has none of: a Vietnamese word, not
 * the start of one of the phrase's words ("Áo khoác The North Face cũ" is no "face curtain" cut short).
 */
function markedBeyondItsPhrase(scan: Scan, t: ResolvedToken, term: IndexedTerm): boolean {
  return VIETNAMESE_MARK.test(scan.original.slice(t.start, t.end).normalize('NFD')) && !VIETNAMESE_MARK.test(term.text.normalize('NFD'));
}

/** Whether the description ends with its last word, no mark after it: where a field limit cuts. */
function endsAtLast(scan: Scan): boolean {
  const last = scan.tokens[scan.tokens.length - 1];
  return last !== undefined && scan.original.slice(last.end).trim() === '';
}

/**
 * Every catalog phrase found in a description; each lookup touches only phrases sharing a word.
 * Phrases whose first word is written loosely here (a typo, a Telex leftover, a regional initial, an
 * abbreviation) are found by their second word and a letter of the first, never twice.
 */
export function findHits(index: MatchIndex, original: string, tokens: readonly ResolvedToken[]): Hit[] {
  const hits: Hit[] = [];
  const scan: Scan = { original, tokens, toned: [], telex: [], sound: [], hats: [], allCaps: undefined, unmarked: undefined, fillers: index.fillers, vocabulary: index.vocabulary, shares: undefined };
  // Each word's letters (its own first, its sound key's, its Telex reading's), read once when asked.
  const letters: (string[] | undefined)[] = [];
  const lettersOf = (k: number) => (letters[k] ??= lettersOfWord(tokens[k].raw));
  // Each word is looked up once: as the next word, then as the word at hand.
  let filedHere = tokens.length > 0 ? index.words.get(tokens[0].text) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const here = filedHere;
    const filedNext = next ? index.words.get(next.text) : undefined;
    filedHere = filedNext;
    // Phrases whose first word is written here as in the catalog.
    const firstFrom = hits.length;
    if (here?.single) for (const term of here.single) tryAt(scan, i, term, hits);
    if (next && here) {
      const exact = here.firstTwo?.get(next.text);
      if (exact) for (const term of exact) tryAt(scan, i, term, hits);
      if (here.firstLoose) tryByLetters(scan, i, here.firstLoose, lettersOf(i + 1), 1, next.text, hits);
    }
    if (hits.length - firstFrom > 1) sortFrom(hits, firstFrom);
    if (!filedNext) continue;
    // Phrases whose first word is loose here: found by their second word, never twice.
    const bySecond = filedNext.second;
    const byInitial = t.abbr ? filedNext.initial : undefined;
    if (!bySecond && !byInitial) continue;
    const tried = bySecond ? tryByLetters(scan, i, bySecond, lettersOf(i), 0, t.text, hits) : undefined;
    const initialTerms = byInitial?.get(t.raw[0]);
    if (initialTerms) {
      for (const term of initialTerms) if (term.tokens[0] !== t.text && !tried?.has(term)) tryAt(scan, i, term, hits);
    }
  }
  const shares = scan.shares;
  return shares ? hits.filter((h) => !shares.has(h) || besideItsEntry(hits, h, shares)) : hits;
}

/**
 * Whether another phrase of a hit's entry stands in its list element: not inside a look-alike, not a
 * unit, not another share. "Xịt tay còn 75%" is a sanitizer; "Nước hoa Dior 100ml còn 90%" and
 * "Laptop cũ còn 95% pin còn 90%" are used goods.
 */
function besideItsEntry(hits: readonly Hit[], h: Hit, shares: ReadonlySet<Hit>): boolean {
  const apart = (a: Hit, b: Hit) => a.to <= b.from || a.from >= b.to;
  const inLookalike = (g: Hit) => hits.some((l) => l.term.kind === 'lookalike' && l.from <= g.from && g.to <= l.to);
  const unit = (g: Hit) => g.term.tokens.every((w) => /^\d+$/.test(w) || LIQUID_OR_STRENGTH.has(w));
  return hits.some(
    (g) => g !== h && g.term.entryId === h.term.entryId && g.term.kind !== 'lookalike' && g.segment === h.segment && apart(g, h) && !shares.has(g) && !unit(g) && !inLookalike(g),
  );
}

/**
 * Tries the phrases filed under each of a word's letters, except those whose word at `exactAt` is
 * `exact`: they were tried by their exact words. A phrase is filed under up to two letters (trang:
 * t, and c as in chang) and is tried once; the phrases tried are returned (not those left out at once,
 * which fail wherever they are tried).
 */
function tryByLetters(
  scan: Scan,
  at: number,
  lists: ReadonlyMap<string, readonly IndexedTerm[]>,
  letters: readonly string[],
  exactAt: number,
  exact: string,
  hits: Hit[],
): Set<IndexedTerm> | undefined {
  let tried: Set<IndexedTerm> | undefined;
  for (const letter of letters) {
    const terms = lists.get(letter);
    if (!terms) continue;
    for (const term of terms) {
      // The word at `exactAt` is the one written loosely, the other of the first two is filed here
      // as written: a phrase whose words after them are not all written as the catalog writes them
      // cannot stand here (matchAt reads one word loosely at most), and is left out at once.
      if (term.tokens[exactAt] === exact || !restWritten(scan.tokens, at, term) || tried?.has(term)) continue;
      (tried ??= new Set()).add(term);
      tryAt(scan, at, term, hits);
    }
  }
  return tried;
}

/** Whether a phrase's words after its first two stand from `at + 2` on, each written as the phrase writes it. */
function restWritten(tokens: readonly ResolvedToken[], at: number, term: IndexedTerm): boolean {
  const n = term.tokens.length;
  if (at + n > tokens.length) return false;
  for (let k = 2; k < n; k++) if (tokens[at + k].text !== term.tokens[k]) return false;
  return true;
}

function tryAt(scan: Scan, at: number, term: IndexedTerm, hits: Hit[]): void {
  const hit = matchAt(scan, at, term);
  if (hit) hits.push(hit);
}

/**
 * A word's letters: its first letter, its sound key's and its Telex reading's, each once. A word
 * written loosely keeps one of them with the catalog word it stands for.
 */
function lettersOfWord(raw: string): string[] {
  const a = raw[0];
  const b = soundInitial(raw);
  // The Telex reading keeps the first letter but a w before a vowel ("wa" is "ua"), as telexFold does.
  const c = a === 'w' && /[aeiouy]/.test(raw) ? 'u' : a;
  const out = [a];
  if (b !== a) out.push(b);
  if (c !== a && c !== b) out.push(c);
  return out;
}

/** Hits from `from` on in catalog order. */
function sortFrom(hits: Hit[], from: number): void {
  const tail = hits.splice(from).sort((x, y) => x.term.seq - y.term.seq);
  for (const h of tail) hits.push(h);
}

/**
 * Words the catalog cannot read. The catalog is written in Vietnamese, English and French, in Latin
 * letters (with a few words of other scripts, such as "口罩", that it reads as any word). A word in
 * another script that no phrase of the catalog matched is not read as goods, and the screen says so
 * instead of accepting what it did not understand.
 *
 * Greek and Cyrillic letters are also the look-alikes senders put into Latin words ("mаsk" with a
 * Cyrillic "а"): a word mostly of Latin letters is such a trick, and the normalizer folds it back to
 * Latin, and so is a word of Greek or Cyrillic letters all drawn like Latin ones ("Орео", "МАХ"). A
 * word mostly of other Greek or Cyrillic letters is a word of those languages ("Пeрчатки" with a
 * Latin "e" is still Russian), except a symbol of one to three Greek letters ("α-arbutin", "ΣΔ",
 * "50μΩ") and up to three Greek or Cyrillic letters after a number ("1 кг"). One Chinese or
 * Japanese character alone is a counter or a sign ("50个", "Câu đối chữ 福").
 */

/** A letter of a script that is never a look-alike of Latin ones: Han, Kana, Hangul, Thai, Arabic... */
const FAR_LETTER = '(?![\\p{Script=Latin}\\p{Script=Common}\\p{Script=Inherited}\\p{Script=Greek}\\p{Script=Cyrillic}])\\p{L}';
/** Runs of such letters, with the prolonged sound mark and the repetition mark they write with. */
const FAR_SCRIPT_RUN = new RegExp(`(?:(?:${FAR_LETTER}|[\\u30fc\\u3005])\\p{M}*)+`, 'gu');
const ONE_FAR_LETTER = new RegExp(FAR_LETTER, 'u');

/** Whether a text holds a letter of such a script. */
export function holdsFarLetter(text: string): boolean {
  return !plainLatin(text) && ONE_FAR_LETTER.test(text);
}

/** A letter of the Latin script: a line with one is written for a Latin reader, signs aside. */
const ANY_LATIN = /\p{Script=Latin}/u;
/** A word of letters and marks holding a Greek or Cyrillic letter. */
const NEAR_SCRIPT_WORD = /[\p{L}\p{M}]*[\p{Script=Greek}\p{Script=Cyrillic}][\p{L}\p{M}]*/gu;
const NEAR_LETTER = /[\p{Script=Greek}\p{Script=Cyrillic}]/gu;
/** Greek and Cyrillic letters drawn like Latin ones: a word of these alone is Latin in disguise ("МАХ", "Орео", "ХХL"). */
const LATIN_LOOKING = /[АВЕКМНОРСТУХаеорсухіјѕІЈЅԁԛԝӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινκ]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const GREEK_ONLY = /^[\p{Script=Greek}\p{M}]+$/u;
const LETTER = /\p{L}/gu;
/** A number, then at most a space, right before a position. */
const AFTER_NUMBER = /\d[\s.]?$/;
/** How long a quoted word may be (a run of Chinese can be a whole sentence). */
const QUOTE_LENGTH = 24;
/** Short runs: symbols and units. */
const SHORT = 3;

export type UnreadWord = { word: string; start: number; end: number };

/**
 * True when every character is one no other script's letter can be: Latin letters and their marks up
 * to U+036F, Vietnamese precomposed letters (U+1E00–U+1EFF), punctuation, symbols and arrows
 * (U+2000–U+2BFF). Most descriptions are answered here, without a regular expression.
 */
function plainLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x370 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x2bff)) continue;
    return false;
  }
  return true;
}

const count = (word: string, letters: RegExp) => word.match(letters)?.length ?? 0;

/** The words of a description written in a script the catalog does not read, in order. */
export function unreadWords(description: string): UnreadWord[] {
  if (plainLatin(description)) return [];
  const found: UnreadWord[] = [];
  const latinLine = ANY_LATIN.test(description);
  for (const m of description.matchAll(FAR_SCRIPT_RUN)) {
    const start = m.index;
    // In a line written in Latin letters, one character is a counter or a sign ("50个", "Câu đối
    // chữ 福"), as is one right after a number; longer runs are words ("84消毒液"), and so is a
    // character alone in a line of them ("书").
    if (m[0].length === 1 && (latinLine || AFTER_NUMBER.test(description.slice(0, m.index)))) continue;
    found.push({ word: m[0], start, end: start + m[0].length });
  }
  for (const m of description.matchAll(NEAR_SCRIPT_WORD)) {
    const word = m[0];
    const near = count(word, NEAR_LETTER);
    const latin = count(word, LATIN_LETTER);
    // Mostly Latin letters: a look-alike trick the normalizer reads.
    if (latin >= near || count(word, LATIN_LOOKING) === near) continue;
    // Other scripts' letters in it were counted above.
    if (count(word, LETTER) - near - latin > 0) continue;
    if (near === 1) continue;
    if (near <= SHORT && (GREEK_ONLY.test(word) || AFTER_NUMBER.test(description.slice(0, m.index)))) continue;
    found.push({ word, start: m.index, end: m.index + word.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

const CYRILLIC = /[\u0400-\u052f]/;
const CYRILLIC_WORD = /[\p{L}\p{M}]*\p{Script=Cyrillic}[\p{L}\p{M}]*/gu;

/**
 * The text with each word of a Cyrillic language in small letters ("ПЕРЧАТКИ", "Бетадин"), as the
 * catalog writes its words: their capitals would fold to other Latin look-alikes than the small
 * letters do (Б to b, б to 6). A word of Latin look-alikes keeps its case, a trick the normalizer
 * reads ("МАЅК", "KN95" with a Cyrillic К). Same length as the text.
 */
export function nativeCase(text: string): string {
  if (plainLatin(text) || !CYRILLIC.test(text)) return text;
  return text.replace(CYRILLIC_WORD, (word) => {
    const near = count(word, NEAR_LETTER);
    if (count(word, LATIN_LETTER) >= near || count(word, LATIN_LOOKING) === near) return word;
    const small = word.toLowerCase();
    return small.length === word.length ? small : word;
  });
}

/** A word as an answer quotes it. */
export function quoted(word: string): string {
  return word.length > QUOTE_LENGTH ? `${word.slice(0, QUOTE_LENGTH)}…` : word;
}

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** The Chinese characters of a phrase. */
export function hanLettersOf(phrase: string): string[] {
  if (plainLatin(phrase)) return [];
  return [...phrase].filter((c) => HAN.test(c));
}

const OPENING: Record<string, string> = { '(': ')', '[': ']', '（': '）', '【': '】' };

/** Where brackets enclose text, as [start, end) of what is inside; an unclosed one runs to the end. */
export function bracketSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const closing = OPENING[text[i]];
    if (closing === undefined) continue;
    const end = text.indexOf(closing, i + 1);
    spans.push([i + 1, end < 0 ? text.length : end]);
    if (end < 0) break;
    i = end;
  }
  return spans;
}

/**
 * Whether unread words are a Chinese translation set in brackets beside words that name a good:
 * all of them inside brackets and such a word outside ("Trà hoa cúc (菊花茶) 300g"), or all outside
 * and such a word inside ("中藥材 黃耆 (thuốc bắc)"). Only Chinese characters, none of them one the
 * catalog writes its goods or its general wording with (`guarded`: 口, 罩, 手, 套, 消, 毒, 酒, 精,
 * 医, 防, 疫...): "Bánh kẹo (面罩)" still asks for a look. Kana, Hangul and Thai letters spell
 * sounds, so no letter of theirs says a word is harmless, and such words always ask for a look.
 * `names` says whether a stretch of the text holds a word that names a good.
 */
export function hanTranslation(text: string, words: readonly UnreadWord[], guarded: ReadonlySet<string>, names: (start: number, end: number) => boolean): boolean {
  if (words.length === 0) return false;
  for (const w of words) {
    if (!HAN_ONLY.test(w.word)) return false;
    for (const c of w.word) if (guarded.has(c)) return false;
  }
  const spans = bracketSpans(text);
  if (spans.length === 0) return false;
  const inside = (w: UnreadWord) => spans.some(([from, to]) => from <= w.start && w.end <= to);
  const allInside = words.every(inside);
  if (!allInside && words.some(inside)) return false;
  if (allInside) {
    // Outside every bracket: the stretches between them.
    let at = 0;
    for (const [from, to] of spans) {
      if (names(at, from - 1)) return true;
      at = to + 1;
    }
    return names(at, text.length);
  }
  return spans.some(([from, to]) => names(from, to));
}

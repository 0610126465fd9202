/**
 * Words the catalog cannot read: the catalog is written in Vietnamese, English and French, all in
 * Latin letters. A word wholly in another script ("口罩", "Перчатки", "마스크") is not read as goods;
 * the screen says so instead of accepting what it did not understand. A word that mixes Latin letters
 * with look-alike letters of another script ("mаsk" with a Cyrillic "а") is a sender's trick that the
 * normalizer folds back to Latin, and is read.
 */

/** A letter of neither the Latin script nor the scripts shared by all (digits' and symbols' letters). */
const OTHER_LETTER = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/**
 * One Greek or Cyrillic letter standing alone is a symbol or a unit ("α-arbutin", "Ω-3", "10 г"),
 * or a look-alike of a Latin letter, not a word of another language.
 */
const LONE_SYMBOL_LETTER = /^[\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*$/u;
/** A run of letters with their marks; CJK text has no spaces, so a run may be a whole phrase. */
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * True when every character is one no other script's letter can be: Latin letters and their marks up
 * to U+036F, Vietnamese precomposed letters (U+1E00–U+1EFF), punctuation, symbols and arrows
 * (U+2000–U+2BFF). Most descriptions are answered here, without the regular expression.
 */
function plainLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x370 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x2bff)) continue;
    return false;
  }
  return true;
}
/** How many unread words an answer quotes. */
const QUOTED = 3;
/** How long a quoted word may be (a CJK run can be a whole sentence). */
const QUOTE_LENGTH = 24;

/** The words of a description written wholly in a script other than Latin, the first few. */
export function unreadWords(description: string): string[] {
  if (plainLatin(description) || !OTHER_LETTER.test(description)) return [];
  const found: string[] = [];
  for (const [word] of description.matchAll(WORD)) {
    if (!OTHER_LETTER.test(word) || LATIN_LETTER.test(word) || LONE_SYMBOL_LETTER.test(word)) continue;
    found.push(word.length > QUOTE_LENGTH ? `${word.slice(0, QUOTE_LENGTH)}…` : word);
    if (found.length === QUOTED) break;
  }
  return found;
}

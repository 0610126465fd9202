import { toneOf, VIETNAMESE_MARK, VIETNAMESE_SYLLABLE, vowelsOf, type MatchIndex } from './match-index';
import type { ResolvedToken } from './resolve-tokens';

/** Quantities, units, numbers, prices in dollars, and order, invoice or tracking numbers (inv2020, spx20200205): they name no good. */
export function isFiller(index: MatchIndex, word: string): boolean {
  return index.fillers.has(word) || /^\d+([.,]\d+)?[a-z]{0,3}$/.test(word) || /^[a-z]?\d+$/.test(word) || /^\$\d+([.,]\d+)?$|^\d+([.,]\d+)?\$$/.test(word) || isOrderCode(word);
}

/** Whether only numbers and fillers stand before `at` in its list element: the line's good is named there. */
export function opensItsElement(fillers: ReadonlySet<string>, tokens: readonly { text: string; segment: number }[], at: number): boolean {
  for (let j = at - 1; j >= 0 && tokens[j].segment === tokens[at].segment; j--) if (!/^\d/.test(tokens[j].text) && !fillers.has(tokens[j].text)) return false;
  return true;
}

export function isOrderCode(word: string): boolean {
  // An invoice or order number: inv2020, po12345, don0215; a packing list or SKU: pl0098, sk2231, SKU-88213-B.
  if (/^(inv|po|so|ord|order|don|hd|sku|ref)\d{3,}[a-z]{0,2}$/.test(word) || /^[a-z]{1,3}\d{4,}$/.test(word)) return true;
  // Sizes (30x40x50cm) are attributes of a good, not codes.
  if (word.length < 8 || /\dx\d/.test(word)) return false;
  let digits = 0;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 48 && word.charCodeAt(k) <= 57) digits++;
  return digits >= 6;
}

/**
 * Whether the word at `k` is one the catalog has as a filler only inside a longer one ("cá" of "cá
 * nhân", "kèm" of "đính kèm", "sắc" of "màu sắc"), here without the rest of that phrase.
 */
export function outOfItsPhrase(index: MatchIndex, tokens: readonly ResolvedToken[], k: number): boolean {
  // A piece of a word read as several ("honda" as "hon da") is no word of its own.
  if (isPiece(tokens, k)) return false;
  return apartFromItsPhrase(index, tokens, k);
}

/** Whether the word at `k` is a piece of a word read as several ("chocolats" as "cho co lat"). */
export function isPiece(tokens: readonly ResolvedToken[], k: number): boolean {
  const start = tokens[k].start;
  return tokens[k - 1]?.start === start || tokens[k + 1]?.start === start;
}

/** Whether the word at `k` is one the catalog has as a filler only inside a longer one, here without the rest of it. */
export function apartFromItsPhrase(index: MatchIndex, tokens: readonly ResolvedToken[], k: number): boolean {
  const text = tokens[k].text;
  const phrases = index.phraseFillers.get(text);
  if (!phrases) return false;
  for (const words of phrases) {
    for (let i = 0; i < words.length; i++) if (words[i] === text && phraseAt(tokens, k - i, words)) return false;
  }
  return true;
}

function phraseAt(tokens: readonly ResolvedToken[], from: number, words: readonly string[]): boolean {
  if (from < 0 || from + words.length > tokens.length) return false;
  for (let j = 0; j < words.length; j++) if (tokens[from + j].text !== words[j]) return false;
  return true;
}

/**
 * Whether a filler word was written as a filler: a Vietnamese filler the catalog writes without marks
 * ("nam", as in Việt Nam) is another word when written with Vietnamese marks ("nấm", mushrooms); one
 * it writes with marks is another word when written with other vowels ("môi", lips, is not "mới"),
 * whatever its tones ("hôp" is still the box). English and French fillers are fillers however written.
 */
export function writtenAsFiller(index: MatchIndex, original: string, token: ResolvedToken): boolean {
  const vowels = index.fillerVowels.get(token.text);
  const written = original.slice(token.start, token.end);
  if (!index.unmarkedFillers.has(token.text) && !vowels) {
    // An English or French filler's letters as a Vietnamese syllable, with marks no filler of those
    // letters has, is another word: "Đồ lót" is underwear, "Sơn 2 hộp" paint ("Gift 2 bóx" is still a box).
    const forms = index.otherFillerForms.get(token.text);
    if (forms === undefined || !VIETNAMESE_SYLLABLE.test(token.text)) return true;
    const own = written.normalize('NFC').toLowerCase();
    // A piece of a glued or split word ("dbiếu") has no marks of its own to read.
    return own.length !== token.text.length || !VIETNAMESE_MARK.test(written.normalize('NFD')) || forms.has(own);
  }
  // Typed without marks, a filler is one.
  if (!VIETNAMESE_MARK.test(written.normalize('NFD'))) return true;
  // Written with marks: not a filler the catalog writes without ("nấm" is not "nam"), and a marked
  // one only with its own vowels, whatever the tone ("hôp" is the box, "môi" is not "mới").
  // A letter glued before it ("hngười", a stray key) is not part of the filler; a mark left out
  // ("nguời", "gia dình") is a slip, another mark ("môi") another word.
  if (vowels === undefined) return false;
  const shape = vowelsOf(written.replace(NOT_A_LETTER, ''));
  for (const v of vowels) if (shape.length >= v.length && sameOrBare(shape.slice(shape.length - v.length), v)) return true;
  return false;
}

const NOT_A_LETTER = /[^\p{L}]/gu;

/** Whether each letter of `written` is the letter of `filler` or its bare form (u for ư, d for đ). */
function sameOrBare(written: string, filler: string): boolean {
  for (let i = 0; i < written.length; i++) {
    const w = written[i];
    const f = filler[i];
    if (w !== f && w !== bare(f)) return false;
  }
  return true;
}

const bare = (letter: string): string => (letter === 'đ' ? 'd' : letter.normalize('NFD')[0]);

/** How many words a Vietnamese filler phrase may have. */
const FILLER_PHRASE_WORDS = 4;

/**
 * Whether a line is only fillers. Written with Vietnamese marks, each word or phrase must be written
 * as the catalog writes it ("Tặng kèm", "Chính hãng giảm thêm", "Gửi mẹ ở Hà Nội"), with words written
 * without marks only as fillers the catalog writes so or fillers of other languages ("Freeship tặng
 * kèm"): such a line says nothing of the contents. Written otherwise a word is another one ("Gỏi",
 * salad, is not "gởi"; "Mùng", a net, not "mừng"), and a line typed without marks may spell a
 * good's letters ("non la", "son moi"); there only fillers of other languages say nothing ("Freeship").
 * Containers and counting words are fillers like the others: "Túi", "Hộp freeship" and "Túi cho
 * mẹ" do not say what the bag holds.
 */
export function onlyWrittenFillers(index: MatchIndex, original: string, tokens: readonly ResolvedToken[]): boolean {
  if (tokens.length === 0) return false;
  const written = (t: ResolvedToken) => original.slice(t.start, t.end).normalize('NFC').toLowerCase();
  // Typed without marks, only fillers of other languages say so: "Freeship", "Box", and phrases
  // with a word of theirs ("Not restricted", "Ok to send").
  const unmarked = !VIETNAMESE_MARK.test(original.normalize('NFD'));
  for (let k = 0; k < tokens.length; ) {
    let n = 0;
    let phrase = '';
    for (let len = 1; len <= FILLER_PHRASE_WORDS && k + len <= tokens.length && tokens[k + len - 1].segment === tokens[k].segment; len++) {
      phrase += (len > 1 ? ' ' : '') + written(tokens[k + len - 1]);
      if (unmarked ? len > 1 && index.otherFillerPhrases.has(tokens.slice(k, k + len).map((t) => t.text).join(' ')) : index.writtenFillers.has(phrase)) n = len;
    }
    if (n === 0 && unmarked) {
      const t = tokens[k];
      if (VIETNAMESE_SYLLABLE.test(t.text) || !isFiller(index, t.text) || /^\d/.test(t.text)) return false;
      n = 1;
    }
    if (n === 0) {
      const t = tokens[k];
      if (VIETNAMESE_MARK.test(written(t).normalize('NFD'))) return false;
      if (!index.unmarkedFillers.has(t.text) && (VIETNAMESE_SYLLABLE.test(t.text) || !isFiller(index, t.text))) return false;
      n = 1;
    }
    k += n;
  }
  return true;
}

/** Whether a word is written with a tone no filler of its letters has: "quế" (cinnamon) is not "quê", "sổ" not "số". */
export function otherTone(index: MatchIndex, original: string, t: ResolvedToken): boolean {
  const tones = index.fillerTones.get(t.text);
  if (!tones) return false;
  const tone = toneOf(original.slice(t.start, t.end));
  return tone !== '' && !tones.has(tone);
}

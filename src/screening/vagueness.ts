import type { Hit } from './find-hits';
import { apartFromItsPhrase, isFiller, isOrderCode, isPiece, onlyWrittenFillers, otherTone, outOfItsPhrase, writtenAsFiller } from './fillers';
import { VIETNAMESE_MARK, VIETNAMESE_SYLLABLE, type MatchIndex } from './match-index';
import type { Denial } from './negations';
import { phraseTokens, writtenAs } from './normalize';
import type { ResolvedToken } from './resolve-tokens';

/** Containers that count goods after a number ("2 can", "3 bidons", "2 phuy"), and are words elsewhere. */
const CONTAINERS = new Set(['can', 'bidon', 'lon', 'thung', 'kien', 'bao', 'pallet', 'pallets', 'phuy']);

/** Words that say what goods are for, as folded: for, cho, pour, für, para. */
const PURPOSE: ReadonlySet<string> = new Set(['for', 'cho', 'pour', 'fur', 'para']);

/** What sets words apart between two of them: a dash with a space beside it (not "first-aid") or a bracket. */
const APART = /\s[-–—]|[-–—]\s|[([{（【]/;

/** A box's size: 40x40x40, 30x20cm. */
const SIZE = /^\d+(x\d+){1,2}[a-z]{0,2}$/;

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the word at `start` is written in a hashtag: "#" right before the run of letters it is in. */
function inHashtag(original: string, start: number): boolean {
  let i = start;
  while (i > 0 && WORD_CHARACTER.test(original[i - 1])) i--;
  return original[i - 1] === '#';
}

/** Too vague to screen: the whole description, or a list element of it beside named goods. */
export type Vagueness = 'whole' | 'part' | null;

/**
 * Whether a description names no good: a general term, or quantities, with only fillers, numbers and
 * units beside it, or no word at all. Fillers alone are not vague ("lá cờ" folds to two filler words).
 * Also when a list element is general medical wording, whatever the other elements name, and when
 * a phrase says the contents are not described (mystery box, như hình).
 */
export function isVague(
  index: MatchIndex,
  original: string,
  tokens: readonly ResolvedToken[],
  hits: readonly Hit[],
  titleSegments: ReadonlySet<number> | null,
  denial: Denial | null,
): Vagueness {
  // The words of general phrases.
  const covered = new Array<boolean>(tokens.length).fill(false);
  let general = false;
  for (const h of hits) {
    if (h.term.kind !== 'vague') continue;
    general = true;
    for (let k = h.from; k < h.to; k++) covered[k] = true;
  }
  const named = new Array<boolean>(tokens.length).fill(false);
  // A look-alike that goes on from a general phrase names a good: "Đồ chơi bác sĩ" (a doctor play
  // set) is no longer "đồ chơi" (toys) for a doctor. Not one that ends with it ("chống hóa chất").
  for (const h of hits) {
    if (h.term.kind !== 'lookalike') continue;
    const holds = hits.some((v) => v.term.kind === 'vague' && v.from === h.from && v.to < h.to);
    if (holds && !hits.some((v) => v.term.kind === 'vague' && v.from <= h.from && h.to <= v.to)) {
      for (let k = h.from; k < h.to; k++) named[k] = true;
    }
  }
  // A kind of goods with a word describing them in its list element names its goods: "Quần áo trẻ
  // em", "kids clothes", "Vêtements pour enfants"; "Quần áo" alone, or "Quần áo + đồ linh tinh", does not.
  for (const h of hits) {
    if (h.term.kind === 'vague' && h.term.describable && describedIn(index, original, tokens, hits, h)) for (let k = h.from; k < h.to; k++) named[k] = true;
  }
  // People's and places' names name no good: "Gửi anh Tuấn ở Houston", "Nguyễn Thị Hồng Nhung".
  const people = namesOfPeople(original, tokens);
  if (people) for (let k = 0; k < tokens.length; k++) if (people[k]) covered[k] = true;
  for (const k of unmarkedPlaces(original, tokens)) covered[k] = true;
  // A hashtag the catalog reads nothing in tags the post, naming no good: "Quà tặng sinh nhật
  // #happybirthday", "Hàng tiêu dùng #shipnhanh". One it reads is read ("#khautrangyte").
  if (original.includes('#')) {
    for (let k = 0; k < tokens.length; k++) if (inHashtag(original, tokens[k].start) && !hits.some((h) => h.term.kind !== 'vague' && h.from <= k && k < h.to)) covered[k] = true;
  }
  const filler = (k: number) => {
    const t = tokens[k];
    // A syllable cut from a word read as several, that a filler has only inside a longer one, names as
    // much as the word: "chocolats" read as "cho co lat" is not "lạt" of "Đà Lạt".
    if (isPiece(tokens, k) && t.text.length > 2 && VIETNAMESE_SYLLABLE.test(t.text) && apartFromItsPhrase(index, tokens, k)) return false;
    return ((isFiller(index, t.text) || isFiller(index, t.raw)) && writtenAsFiller(index, original, t)) || isNumberWord(original, tokens, k) || unitLetter(tokens, k);
  };
  // What a negation denies names nothing the parcel holds: "Vật tư y tế (không phải khẩu trang)".
  if (denial) for (let k = 0; k < tokens.length; k++) if (denial.covered[k] === 1) covered[k] = true;
  // A container after a number is a quantity ("Hóa chất 2 can"), wherever else it is a word.
  // So is a size after it ("2 thùng 40x40x40"); a size alone may be a good's ("Túi 30x40x50cm").
  for (let k = 1; k < tokens.length; k++) {
    if (!CONTAINERS.has(tokens[k].text) || !(/^\d/.test(tokens[k - 1].text) || isNumberWord(original, tokens, k - 1))) continue;
    covered[k] = true;
    if (SIZE.test(tokens[k + 1]?.text ?? '')) covered[k + 1] = true;
  }
  // A code after the label that opens the line ("Mã hàng MSK-50", "SKU: AB123", "Ref. GT-100")
  // names no good, unless it is one.
  const code = codeAfterLabel(tokens);
  const coded = code !== null && !hits.some((h) => h.from <= code[1] && code[1] < h.to);
  if (coded) for (let j = code[0]; j <= code[1]; j++) covered[j] = true;
  const names = (k: number) => named[k] || (!covered[k] && !filler(k));
  // Contents not described ("Mystery box, size M") ask for a look, unless the phrase heads a list of
  // the goods ("Random items: áo thun, quần jean") or a title holds the words ("Book: The Mystery Box").
  const undisclosed = hits.find((h) => h.term.kind === 'undisclosed');
  // A title label after the colon names its books ("Personal effects: books, toys").
  const undisclosedWords = (k: number) => hits.some((h) => h.term.kind === 'undisclosed' && h.from <= k && k < h.to);
  // A qualifier alone names no content: "first aid kit (gauze, nitrile)" holds gloves of some kind.
  const qualifierAt = (k: number) => hits.some((h) => h.term.kind === 'qualifier' && h.from <= k && k < h.to);
  const content = (k: number) => !undisclosedWords(k) && !qualifierAt(k) && names(k);
  if (
    undisclosed &&
    !titleSegments?.has(undisclosed.segment) &&
    !listsItsContents(original, tokens, undisclosed, content) &&
    !callsTheGoodBefore(original, tokens, hits, undisclosed, content)
  ) {
    return 'whole';
  }
  // General medical wording, alone or denied, names no good either: "y tế", "Médical", "Không phải
  // y tế", "Not for medical use". Only qualifiers two restricted goods or more share: "Than hoạt
  // tính" (activated charcoal) and "Vải không dệt" (non-woven fabric) are goods of their own.
  if (!general && (denial || hits.some((h) => h.term.kind === 'qualifier')) && claimsOnly(index, original, tokens, hits, denial)) return 'whole';
  // Most descriptions name something: the first word neither general nor a filler settles it.
  if (tokens.every((_, k) => !names(k))) {
    // Beside names, a word that is a filler's letters with another tone, or a filler phrase's word
    // out of it, names the good: "Gốm sứ gửi con ở Houston" (not "gồm", not "sử dụng").
    if (people) return tokens.some((_, k) => !covered[k] && fillersLettersName(index, original, tokens, k)) ? null : 'whole';
    if (!general && !coded && namesBeforeItsQuantity(index, original, tokens)) return null;
    if (onlyWrittenFillers(index, original, tokens)) return 'whole';
    return general || coded || tokens.every((t) => !/[a-z]/.test(t.text)) || tokens.some((t, k) => /^\d/.test(t.text) || /\d/.test(t.raw) || isNumberWord(original, tokens, k) || /^[a-z]{1,2}\d+$/.test(t.text) || isOrderCode(t.text)) ? 'whole' : null;
  }
  // A qualifier says whom or what a general phrase is for and names no good either: "medical
  // supplies for clinic", "PPE nitrile", "đồ bảo hộ cho bác sĩ". Before the phrase, only one two
  // restricted goods or more share: "hand" in "hand tools" is a kind of tool.
  // With thousands of entries a word may be the qualifier of hundreds: each is looked at once.
  const qualifiers = general ? hits.filter((h) => h.term.kind === 'qualifier') : [];
  if (general) {
    const firstGeneral = hits.reduce((at, h) => (h.term.kind === 'vague' ? Math.min(at, h.from) : at), tokens.length);
    const described = [...covered];
    for (const q of qualifiers) if (q.from > firstGeneral) for (let k = q.from; k < q.to; k++) described[k] = true;
    for (const [from, to] of sharedSpans(qualifiers)) for (let k = from; k < to; k++) described[k] = true;
    // What general medical wording, or wording for someone (`vague.forSomeone`), is for names none of
    // what it holds: "Vật tư y tế cho điểm sơ cứu tại tiệc", "Medical supplies for first aid
    // station", "Gift for the curator", up to the end of its list element, a dash or a bracket
    // ("Medical supplies for dogs - bandages" names its bandages).
    for (const h of hits) {
      if (h.term.kind !== 'vague' || !(h.term.forSomeone || qualifiesSeveral(qualifiers, h))) continue;
      let k = h.to;
      while (k < tokens.length && tokens[k].segment === h.segment && !PURPOSE.has(tokens[k].text) && filler(k)) k++;
      if (k >= tokens.length || tokens[k].segment !== h.segment || !PURPOSE.has(tokens[k].text)) continue;
      for (; k < tokens.length && tokens[k].segment === h.segment; k++) {
        if (described[k - 1] && APART.test(original.slice(tokens[k - 1].end, tokens[k].start))) break;
        described[k] = true;
      }
    }
    if (tokens.every((_, k) => !named[k] && (described[k] || filler(k)))) return 'whole';
  }
  // Beside named goods, a list element of general medical wording still hides what it holds ("cà
  // phê, vật tư y tế"): a general phrase standing as a list element of its own, with a qualifier
  // that two restricted goods or more share (y tế, medical, phòng dịch), asks for a look. Not a
  // heading before a colon: "Thiết bị y tế: máy đo huyết áp" names its good.
  // Not one a negation denies: "Kem dưỡng da tay, không phải hàng y tế".
  const part = hits.some(
    (h) =>
      h.term.kind === 'vague' &&
      denial?.covered[h.from] !== 1 &&
      fillsItsElement(tokens, h, covered, filler) &&
      qualifiesSeveral(qualifiers, h) &&
      !headsALabel(original, tokens, h, names),
  );
  return part || holdsTheRest(original, tokens, covered, filler) ? 'part' : null;
}

/**
 * Words that may stand between a kind of goods and the words describing them, with sizes and
 * counts: "Quần áo cho bé", "Quần áo của bé", "Quần áo size M cho bé", "clothes for my 2 kids",
 * "Vêtements pour enfants", and what state the goods are in: "Quần áo cũ của bé".
 */
const TO_A_DESCRIBER = new Set(['cho', 'cua', 'cac', 'loai', 'moi', 'cu', 'bo', 'size', 'sz', 'for', 'of', 'the', 'my', 'our', 'new', 'used', 'old', 'pour', 'de', 'd', 'mes', 'mon', 'ma', 'les', 'des', 'fur', 'para']);
/** A size or a count between a kind of goods and its describer: 2, 90, s, m, l, xl, 2l. */
const SIZE_OR_COUNT = /^(\d+[a-z]?|[smlx]|xs|xl|xxl|xxxl)$/;
/** A qualifier that is a number or a unit ("90", "l", "70 pcs"): beside clothes it is a size or a count, no medical word. */
const NUMBER_OR_UNIT = /^(\d+([.,]\d+)?|[a-z]|ml|lit|oz|pcs|pc)$/;

/**
 * Whether a describing word (`vague.describers`) stands right beside a kind of goods: before it, or
 * after it past a few linking words, sizes and counts ("cho", "của", "các loại", "for my", "pour",
 * "size M", "2"), written with its own marks or none ("bé", "be"). Only beside it: "Quần áo trong
 * hộp bé" is a small box. Not in a list element with a qualifier: "Kids surgical clothes" are still
 * medical wear.
 */
function describedIn(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[], kind: Hit): boolean {
  if (index.describers.size === 0) return false;
  // Every describer in the kind's list element, as [from, to).
  const spans: [number, number][] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].segment !== kind.segment) continue;
    for (const { words, written } of index.describers.get(tokens[k].text) ?? []) {
      const fits = words.every((w, j) => {
        const t = tokens[k + j];
        return t !== undefined && t.segment === kind.segment && t.text === w && writtenAs(original, t, written[j]);
      });
      if (fits) spans.push([k, k + words.length]);
    }
  }
  // After the kind, right away or past up to four linking words, sizes or counts; before it, ending
  // where it begins or at a possessive "s" ("children's clothing").
  const after = kind.to;
  let connected = after;
  const between = (t: ResolvedToken | undefined) => t !== undefined && t.segment === kind.segment && (TO_A_DESCRIBER.has(t.text) || SIZE_OR_COUNT.test(t.text));
  while (connected < after + 4 && between(tokens[connected])) connected++;
  const before = tokens[kind.from - 1]?.text === 's' ? kind.from - 1 : kind.from;
  if (!spans.some(([from, to]) => (from >= after && from <= connected) || to === before)) return false;
  // A qualifier inside a describer ("da" of "đã qua sử dụng"), or a number or a unit (a size, a
  // count), is none of the kind's.
  const sizeOrCount = (h: Hit) => tokens.slice(h.from, h.to).every((t) => NUMBER_OR_UNIT.test(t.text));
  return !hits.some((h) => h.term.kind === 'qualifier' && h.segment === kind.segment && !sizeOrCount(h) && !spans.some(([from, to]) => from <= h.from && h.to <= to));
}

/** A letter glued to the number before it counts what the number counts: "1H" (a box), "5C" (five bottles), not "H&M". */
function unitLetter(tokens: readonly ResolvedToken[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  return t.text.length === 1 && before !== undefined && before.end === t.start && /^\d+$/.test(before.text);
}

/** Numbers written as words, counted as digits are: "Two boxes" names no good. */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'deux', 'trois', 'quatre', 'cinq', 'dix', 'douze']);
/** Vietnamese numbers, as folded; most are other words too (năm, a year; ba, a father), so they count only before another word. */
const VIETNAMESE_NUMBERS = new Map(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'vài', 'mấy'].map((w) => [phraseTokens(w)[0], w]));

/** Words that count things after a Vietnamese number, by folded form; "lọ" only with its mark ("ba lo" is a backpack). */
const VIETNAMESE_COUNTED = new Map<string, string[]>();
for (const w of ['hộp', 'thùng', 'túi', 'gói', 'chai', 'lọ', 'hũ', 'hủ', 'cái', 'chiếc', 'kiện', 'bao', 'bịch', 'lon', 'can', 'cuộn', 'đôi', 'bộ', 'món', 'thứ', 'tấm', 'quyển', 'cuốn', 'hòm', 'lốc', 'vỉ', 'tuýp', 'ống']) {
  const folded = phraseTokens(w)[0];
  VIETNAMESE_COUNTED.set(folded, [...(VIETNAMESE_COUNTED.get(folded) ?? []), w]);
}
const MARKED_ONLY = new Set(['lọ']);
/** Numbers that count only with their marks: "bon tam" is a bathtub, "vai bo" canvas, "may can" scales, "nam bo" the South. */
const MARKED_NUMBERS = new Set(['bốn', 'vài', 'mấy', 'năm']);

/**
 * A number written as a word: "Six boxes" (read as written, not as its Telex reading "sĩ"), "Hai
 * thùng". A Vietnamese one is written with its own marks or none ("muối", salt, is not "mười"),
 * and counts only before a word that counts things ("Nam hương" is a mushroom).
 */
function isNumberWord(original: string, tokens: readonly ResolvedToken[], k: number): boolean {
  const t = tokens[k];
  if (NUMBER_WORDS.has(t.text) || NUMBER_WORDS.has(t.raw)) return true;
  const number = VIETNAMESE_NUMBERS.get(t.raw);
  const next = tokens[k + 1];
  if (number === undefined || next === undefined || !writtenAs(original, t, number, !MARKED_NUMBERS.has(number))) return false;
  return VIETNAMESE_COUNTED.get(next.raw)?.some((counted) => writtenAs(original, next, counted, !MARKED_ONLY.has(counted))) === true;
}

/** Kinds of places, as written, that a place's name follows and that are part of it: chợ Sapa, phố Hàng Bông, làng Vạn Phúc. */
const PLACE_KINDS: ReadonlySet<string> = new Set(['chợ', 'phố', 'làng', 'xã', 'huyện', 'tỉnh', 'quận', 'phường', 'thôn', 'chùa']);
/** Words a place's name follows, as written: ở Houston, bên Bỉ, from Hanoi, chợ Sapa. */
const PLACE_WORDS: ReadonlySet<string> = new Set(['ở', 'tại', 'bên', 'in', 'at', 'from', 'từ', ...PLACE_KINDS]);
/**
 * A title written with a capital of its own, before a Vietnamese name: "Gift for Dr. Tran", "Gift
 * for Prof. Nguyen", "Quà cho Mr. Hùng". Brands after it are no Vietnamese syllables ("Dr.
 * Martens", "Dr Pepper", "Mr Muscle", "Mrs Fields", "Ms. Pac-Man"), and stay goods.
 */
const CAPITALISED_TITLES: ReadonlySet<string> = new Set(['dr', 'prof', 'mr', 'mrs', 'ms']);
/** Words a person's or a place's name follows, as written: anh Tuấn, chị Lan, bé Na, bác sĩ Minh, quà của Thu, Dr. Tran, pour Marie, and the place words. */
const BEFORE_A_NAME = new Set(['anh', 'chị', 'em', 'cô', 'chú', 'bác', 'ông', 'bà', 'cháu', 'bé', 'sĩ', 'của', 'mr', 'mrs', 'ms', 'miss', 'pour', ...CAPITALISED_TITLES, ...PLACE_WORDS]);
const UPPER_AFTER_FIRST = /.\p{Lu}/su;
const BEFORE_A_NAME_FOLDED = new Set([...BEFORE_A_NAME].flatMap(phraseTokens));
/** The commonest Vietnamese family names, as written: with a middle name after one, a short line of capitalised words is a person. */
const FAMILY_NAMES = new Set(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']);
/** Middle names that follow a family name, as written. */
const MIDDLE_NAMES = new Set(['Văn', 'Thị', 'Hữu', 'Đình', 'Đức', 'Công', 'Bá', 'Ngọc', 'Thanh', 'Minh', 'Quang', 'Xuân', 'Kim', 'Quốc', 'Trọng', 'Như', 'Bảo', 'Gia', 'Phương', 'Thu', 'Hồng', 'Mỹ']);

/**
 * The words that are people's or places' names, or null when there are none: capitalised words
 * right after a lower-case word a name follows ("anh Tuấn", "ở Houston", "pour Marie-Claire"),
 * outside Title Case lines, and a short line of capitalised words opening with a family name and a
 * middle name ("Nguyễn Thị Hồng Nhung").
 */
function namesOfPeople(original: string, tokens: readonly ResolvedToken[]): boolean[] | null {
  // A name is a capital past the line's first letter.
  if (!UPPER_AFTER_FIRST.test(original)) return null;
  let found: boolean[] | null = null;
  let allCaps: boolean | undefined;
  const inCapitals = () => (allCaps ??= original === original.toUpperCase());
  const capitalised = (t: ResolvedToken) => {
    const c = original[t.start];
    return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
  };
  const mark = (k: number) => ((found ??= new Array<boolean>(tokens.length).fill(false))[k] = true);
  const written = (t: ResolvedToken) => original.slice(t.start, t.end).normalize('NFC');
  if (tokens.length >= 3 && tokens.length <= 4 && tokens.every((t) => capitalised(t) && /^[a-z]+$/.test(t.text))) {
    // A family name and a middle name as written ("Nguyễn Thị", "Trần Văn"): "Hồ Tiêu Phú Quốc" is
    // pepper. Not a line in capitals, where marks are often left out.
    if (FAMILY_NAMES.has(written(tokens[0])) && MIDDLE_NAMES.has(written(tokens[1])) && !inCapitals()) for (let k = 0; k < tokens.length; k++) mark(k);
  }
  // In Title Case ("Made In Vietnam Silk Scarf", "Gift From Mom Apple Watch") a capital says nothing.
  // The first word's capital opens the line: "Đơn chị Thảo" is no title.
  let titleCase: boolean | undefined;
  const inTitleCase = () => {
    if (titleCase === undefined) {
      const rest = tokens.filter((t, k) => k > 0 && t.start !== tokens[k - 1].start);
      titleCase = rest.length >= 2 && rest.filter(capitalised).length * 3 > rest.length * 2;
    }
    return titleCase;
  };
  for (let k = 1; k < tokens.length; k++) {
    const before = tokens[k - 1];
    if (!BEFORE_A_NAME_FOLDED.has(before.text) || !capitalised(tokens[k]) || (capitalised(before) && !CAPITALISED_TITLES.has(before.text)) || inTitleCase()) continue;
    // Written as the list writes it ("bạc", silver, is no "bác"), and a word of its own.
    if (before.segment !== tokens[k].segment || before.start === tokens[k].start || inCapitals()) continue;
    const title = original.slice(before.start, before.end).normalize('NFC').toLowerCase();
    if (!BEFORE_A_NAME.has(title)) continue;
    // After a person's title, a name of Vietnamese syllables ("anh Tuấn"), not a brand ("bé Lego");
    // after a place word, any capitalised words ("ở Houston").
    const run: number[] = [];
    for (let j = k; j < tokens.length && tokens[j].segment === tokens[k].segment && capitalised(tokens[j]) && !/\d/.test(tokens[j].text); j++) run.push(j);
    if (!PLACE_WORDS.has(title) && !run.every((j) => VIETNAMESE_SYLLABLE.test(tokens[j].text) && tokens[j].start !== tokens[j + 1]?.start)) continue;
    for (const j of run) mark(j);
    if (PLACE_KINDS.has(title)) mark(k - 1);
  }
  return found;
}

/** Place words as a line typed without marks writes them: "o Sydney", "ben My", "ve Melbourne" (ở, bên, về). */
const UNMARKED_PLACE_WORDS: ReadonlySet<string> = new Set(['o', 'ben', 've', 'sang']);
/** Counting words before which "o" is an umbrella (cái ô), not "ở": "2 cai o Fendi". */
const COUNTING_WORDS: ReadonlySet<string> = new Set(['cai', 'chiec', 'cay', 'bo']);
const MARKED = /[^\x00-\x7f]/;

/**
 * In a line typed without marks, the one capitalised word after "o", "ben", "ve" or "sang" (ở, bên,
 * về, sang) is a place: "Qua Tet cho gia dinh o Sydney" names no good. Only that word, so goods
 * written in capitals after it still name themselves ("Gui con o Sydney Ao Dai"), and the line is
 * judged as any other line without marks, not as one naming people ("Son moi gui me o Houston" is
 * lipstick).
 */
function unmarkedPlaces(original: string, tokens: readonly ResolvedToken[]): number[] {
  if (MARKED.test(original) || original === original.toUpperCase()) return [];
  const places: number[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const before = tokens[k - 1];
    if (!UNMARKED_PLACE_WORDS.has(before.text) || original.slice(before.start, before.end) !== before.text) continue;
    if (k >= 2 && COUNTING_WORDS.has(tokens[k - 2].text)) continue;
    const c = original[tokens[k].start];
    if (before.segment !== tokens[k].segment || c === undefined || c === c.toLowerCase() || /\d/.test(tokens[k].text)) continue;
    places.push(k);
  }
  return places;
}

/** Words saying a list goes on unnamed: khác, other, etc., divers, autres, misc, various. */
const REST_WORDS = new Set(['khac', 'other', 'etc', 'diver', 'autre', 'misc', 'variou', 'vv']);

/**
 * Whether a list element beside named goods stands for the rest of the contents without naming it:
 * general wording or fillers with a word such as khác or other ("Sách vở, hàng khác", "Tea,
 * coffee, other gifts", "Chocolate, toys, etc.").
 */
function holdsTheRest(original: string, tokens: readonly ResolvedToken[], covered: readonly boolean[], filler: (k: number) => boolean): boolean {
  for (let k = 0; k < tokens.length; k++) {
    if (!REST_WORDS.has(tokens[k].text)) continue;
    // "khắc" (engraved) is no "khác".
    if (tokens[k].text === 'khac' && !/^kh[aá]c$/i.test(original.slice(tokens[k].start, tokens[k].end).normalize('NFC'))) continue;
    const segment = tokens[k].segment;
    const element = tokens.filter((t) => t.segment === segment);
    // Another colour or size is a variant of a named good: "Áo thun, màu khác", "T-shirt, other colours".
    if (element.some((t) => VARIANT_WORDS.has(t.text) || VARIANT_WORDS.has(t.raw))) continue;
    if (tokens.every((t, j) => t.segment !== segment || covered[j] || filler(j) || REST_WORDS.has(t.text))) return true;
  }
  return false;
}

/** Words of a good's variants, not of other goods. */
const VARIANT_WORDS = new Set(['mau', 'size', 'sizes', 'co', 'color', 'colors', 'colour', 'colours', 'couleur', 'couleurs', 'kieu', 'style', 'styles', 'taille', 'tailles', 'model', 'models', 'loai']);

/** Words that label a product code, and the words that may stand between one and its code. */
const CODE_LABELS = new Set(['ma', 'sku', 'code', 'ref', 'reference', 'model', 'art', 'article', 'pn', 'mpn']);
const LABEL_TAILS = new Set(['hang', 'sp', 'san', 'pham', 'so', 'no', 'number', 'nr', 'code', 'id']);

/**
 * The label that opens a description and the product code after it ("Mã hàng MSK-50", "SKU: AB123",
 * "Model A2111", numbers aside), as token positions [label, code]; null if there is none. A code
 * mixes digits with short runs of letters: "iPhone12" is a name.
 */
function codeAfterLabel(tokens: readonly ResolvedToken[]): [number, number] | null {
  let label = 0;
  while (label < tokens.length && /^\d/.test(tokens[label].text)) label++;
  if (label >= tokens.length || !CODE_LABELS.has(tokens[label].text)) return null;
  for (let k = label + 1; k < tokens.length && k <= label + 3; k++) {
    const text = tokens[k].text;
    if (/\d/.test(text) && !/[a-z]{4}/.test(text)) return [label, k];
    if (!LABEL_TAILS.has(text)) return null;
  }
  return null;
}

/**
 * Whether the words before the first quantity, with no general word in the line, hold a good: a
 * word the catalog has as a filler only inside a longer one, out of it ("Cá 2kg" is not "cá nhân",
 * "Kem Thái 2 hũ" not "đính kèm", "Sạc 2 cái" not "màu sắc"), or a filler's letters with another
 * tone ("Quế 500g"). Only there: elsewhere such words are mostly names and places ("Quà cho chị Lan").
 */
function namesBeforeItsQuantity(index: MatchIndex, original: string, tokens: readonly ResolvedToken[]): boolean {
  // A count written "x3" is one too, however its letters read ("x3" as "xe").
  const quantity = tokens.findIndex((t) => /^\d/.test(t.text) || /^x\d+$/.test(t.raw));
  if (quantity < 1 || tokens[0].text.length < 2) return false;
  for (let k = quantity + 1; k < tokens.length; k++) if (outOfItsPhrase(index, tokens, k)) return false;
  for (let k = 0; k < quantity; k++) if (fillersLettersName(index, original, tokens, k)) return true;
  return false;
}

/** Whether a word read as a filler names a good: a filler phrase's word out of it, or a filler's letters with another tone. */
function fillersLettersName(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], k: number): boolean {
  return outOfItsPhrase(index, tokens, k) || otherTone(index, original, tokens[k]);
}

/**
 * Whether a phrase is a heading: the last words of its list element, with a colon after them and a
 * good named in the next element ("Thiết bị y tế: máy đo huyết áp", not "Vật tư y tế: 5 hộp").
 */
function headsALabel(original: string, tokens: readonly ResolvedToken[], h: Hit, names: (k: number) => boolean): boolean {
  if (h.to >= tokens.length || tokens[h.to].segment === tokens[h.to - 1].segment) return false;
  if (!original.slice(tokens[h.to - 1].end, tokens[h.to].start).includes(':')) return false;
  const next = tokens[h.to].segment;
  for (let k = h.to; k < tokens.length && tokens[k].segment === next; k++) if (names(k)) return true;
  return false;
}

/**
 * Whether what a phrase holds is listed after a colon that follows it, past any words saying what it
 * is for ("Personal effects: books, toys", "First aid kit for bike: plasters, scissors", "Đồ dùng cá
 * nhân gồm: bàn chải"), or in brackets as a whole list, each element naming a good ("Túi sơ cứu
 * (băng, gạc, kéo, nhiệt kế)"). A word or two in brackets are not its contents ("First aid kit
 * (travel)", "Mystery box (kèm sticker)"), nor a list left open ("(bandages, gauze, ...)").
 */
function listsItsContents(original: string, tokens: readonly ResolvedToken[], h: Hit, names: (k: number) => boolean): boolean {
  if (h.to >= tokens.length) return false;
  const end = tokens[h.to - 1].end;
  const colon = original.indexOf(':', end);
  if (colon >= 0) {
    for (let k = h.to; k < tokens.length; k++) if (tokens[k].start > colon && names(k)) return true;
    return false;
  }
  const bracket = BRACKETED_LIST.exec(original.slice(end));
  if (!bracket || LEFT_OPEN.test(bracket[0])) return false;
  // Each element, between the bracket's marks, names a good.
  let from = end + bracket.index;
  for (const element of bracket[0].slice(1, -1).split(/[,;]/)) {
    const to = from + 1 + element.length;
    let named = false;
    for (let k = h.to; k < tokens.length && !named; k++) named = tokens[k].start > from && tokens[k].end <= to && names(k);
    if (!named) return false;
    from = to;
  }
  return true;
}

/**
 * Whether a general phrase saying the contents are not described ends the line, set apart by a
 * comma, a dash or a bracket, after one list element that names a good: it is what the sender calls
 * that good, "Điện thoại iPhone 11 cũ, đồ dùng cá nhân", "Khay niềng Invisalign (đồ cá nhân)". After
 * two elements or more it is one more thing of the list ("2 áo thun, 1 quần jean, đồ dùng cá
 * nhân"), and a kit or a mystery box is a thing of its own ("Nhiệt kế, bộ sơ cứu").
 */
function callsTheGoodBefore(original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[], h: Hit, names: (k: number) => boolean): boolean {
  if (h.from === 0 || !SET_APART.test(original.slice(tokens[h.from - 1].end, tokens[h.from].start))) return false;
  if (!hits.some((v) => v.term.kind === 'vague' && v.from === h.from && v.to === h.to)) return false;
  for (let k = h.to; k < tokens.length; k++) if (names(k)) return false;
  const segment = tokens[0].segment;
  let named = false;
  for (let k = 0; k < h.from; k++) {
    if (tokens[k].segment !== segment) return false;
    named ||= names(k);
  }
  return named;
}

/** Marks that set a phrase apart from the words before it. */
const SET_APART = /[,;(\[\-–—]/;

/** A list in brackets: two elements or more, parted by commas or semicolons. */
const BRACKETED_LIST = /\([^()]*[,;][^()]*\)/;
/** A list that goes on past what it names: "...", "…", "+", "etc". */
const LEFT_OPEN = /\.\.|…|\+|\betc\b|v\.v/i;

function fillsItsElement(tokens: readonly ResolvedToken[], h: Hit, covered: readonly boolean[], filler: (k: number) => boolean): boolean {
  const segment = tokens[h.from].segment;
  return tokens.every((t, k) => t.segment !== segment || covered[k] || filler(k));
}

/** Whether qualifiers of two restricted goods or more lie within a hit's words. */
function qualifiesSeveral(qualifiers: readonly Hit[], h: Hit): boolean {
  let first: string | null = null;
  for (const q of qualifiers) {
    if (q.from < h.from || q.to > h.to) continue;
    if (first === null) first = q.term.entryId;
    else if (q.term.entryId !== first) return true;
  }
  return false;
}

/** The spans [from, to) that are qualifiers of two restricted goods or more. */
function sharedSpans(qualifiers: readonly Hit[]): [number, number][] {
  const firstEntry = new Map<number, string>();
  const shared: [number, number][] = [];
  for (const q of qualifiers) {
    const key = q.from * 65536 + q.to;
    const first = firstEntry.get(key);
    if (first === undefined) firstEntry.set(key, q.term.entryId);
    else if (first !== q.term.entryId && first !== '') {
      firstEntry.set(key, '');
      shared.push([q.from, q.to]);
    }
  }
  return shared;
}

/**
 * Whether the line is general medical wording and claims only: qualifiers two restricted goods or
 * more share, what a negation denies, and fillers written as fillers ("Vớ y khoa" names its socks,
 * "Chi nha khoa" its floss).
 */
function claimsOnly(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[], denial: Denial | null): boolean {
  const said = new Uint8Array(tokens.length);
  for (const [from, to] of sharedSpans(hits.filter((h) => h.term.kind === 'qualifier'))) said.fill(1, from, to);
  if (denial) for (let k = 0; k < tokens.length; k++) if (denial.covered[k] === 1) said[k] = 1;
  if (!said.includes(1)) return false;
  // A negation written into the qualifier's phrase ("non-sterile") says nothing more; "Nơ" (a bow)
  // before a list mark is no "no".
  const negates = (t: ResolvedToken, k: number) =>
    said[k + 1] === 1 &&
    tokens[k + 1].segment === t.segment &&
    index.negations.get(t.text)?.some((n) => n.words.length === 1) === true &&
    !VIETNAMESE_MARK.test(original.slice(t.start, t.end).normalize('NFD'));
  const rest = tokens.filter((t, k) => said[k] === 0 && !negates(t, k));
  return rest.length === 0 || onlyWrittenFillers(index, original, rest);
}

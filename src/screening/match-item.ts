import { hsStrengthFor } from './hs-code';
import { findHits, type Hit } from './find-hits';
import { VIETNAMESE_MARK, vowelsOf, type MatchIndex } from './match-index';
import { normalizeText, stem } from './normalize';
import { resolveTokens, type ResolvedToken } from './resolve-tokens';
import type { Evidence, HsStrength, Scoring, TermKind } from './types';

/** What a description (and HS code) says about one catalog entry. */
export type EntrySignal = {
  entryId: string;
  score: number;
  kind: TermKind | 'hs';
  evidence: Evidence;
  term: string;
  matchedText: string;
  fuzzy: boolean;
  /** The HS code names this entry but the description clearly names something else. */
  hsConflict: boolean;
};

export type ItemAnalysis = {
  normalizedText: string;
  /** Nothing in the description names a good: only general words, numbers or punctuation. */
  vague: boolean;
  signals: EntrySignal[];
  /** Look-alike goods recognised (and so not restricted), by entry. */
  lookalikes: { entryId: string; term: string; matchedText: string }[];
};

/** List elements that only describe (a few words, no good named): "Gloves, medical grade, nitrile". */
type Layout = { readonly attributeSegments: ReadonlySet<number> };

const ATTRIBUTE_SEGMENT_WORDS = 3;

function layoutOf(tokens: readonly ResolvedToken[], hits: readonly Hit[]): Layout {
  const size = new Map<number, number>();
  for (const t of tokens) size.set(t.segment, (size.get(t.segment) ?? 0) + 1);
  const naming = new Set(hits.filter((h) => h.term.kind !== 'qualifier').map((h) => h.segment));
  const attributeSegments = new Set<number>();
  for (const [seg, n] of size) if (n <= ATTRIBUTE_SEGMENT_WORDS && !naming.has(seg)) attributeSegments.add(seg);
  return { attributeSegments };
}

const overlaps = (a: Hit, b: Hit) => a.from < b.to && b.from < a.to;

/** Containers that count goods after a number ("2 can", "3 bidons"), and are words elsewhere. */
const CONTAINERS = new Set(['can', 'bidon', 'lon', 'thung', 'kien', 'bao']);

/** Quantities, units, numbers, and order, invoice or tracking numbers (inv2020, spx20200205): they name no good. */
function isFiller(index: MatchIndex, word: string): boolean {
  return index.fillers.has(word) || /^\d+([.,]\d+)?[a-z]{0,3}$/.test(word) || /^[a-z]?\d+$/.test(word) || isOrderCode(word);
}

function isOrderCode(word: string): boolean {
  // An invoice or order number: inv2020, po12345, don0215; a packing list or SKU: pl0098, sk2231.
  if (/^(inv|po|so|ord|order|don|hd)\d{3,}$/.test(word) || /^[a-z]{1,3}\d{4,}$/.test(word)) return true;
  // Sizes (30x40x50cm) are attributes of a good, not codes.
  if (word.length < 8 || /\dx\d/.test(word)) return false;
  let digits = 0;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 48 && word.charCodeAt(k) <= 57) digits++;
  return digits >= 6;
}

/**
 * Whether a filler word was written as a filler: a Vietnamese filler the catalog writes without marks
 * ("nam", as in Việt Nam) is another word when written with Vietnamese marks ("nấm", mushrooms); one
 * it writes with marks is another word when written with other vowels ("môi", lips, is not "mới"),
 * whatever its tones ("hôp" is still the box). English and French fillers are fillers however written.
 */
function writtenAsFiller(index: MatchIndex, original: string, token: ResolvedToken): boolean {
  const vowels = index.fillerVowels.get(token.text);
  if (!index.unmarkedFillers.has(token.text) && !vowels) return true;
  const written = original.slice(token.start, token.end);
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

/** Too vague to screen: the whole description, or a list element of it beside named goods. */
type Vagueness = 'whole' | 'part' | null;

/**
 * Whether a description names no good: a general term, or quantities, with only fillers, numbers and
 * units beside it, or no word at all. Fillers alone are not vague ("lá cờ" folds to two filler words).
 * Also when a list element is general medical wording, whatever the other elements name, and when
 * a phrase says the contents are not described (mystery box, như hình).
 */
function isVague(
  index: MatchIndex,
  original: string,
  tokens: readonly ResolvedToken[],
  hits: readonly Hit[],
  titleSegments: ReadonlySet<number> | null,
  denial: Denial | null,
): Vagueness {
  // The words of general phrases; labels (undisclosed contents, titles) name no goods either.
  const covered = new Array<boolean>(tokens.length).fill(false);
  const labelled = new Array<boolean>(tokens.length).fill(false);
  let general = false;
  for (const h of hits) {
    const kind = h.term.kind;
    if (kind !== 'vague' && kind !== 'undisclosed' && kind !== 'title') continue;
    if (kind === 'vague') general = true;
    for (let k = h.from; k < h.to; k++) (kind === 'vague' ? covered : labelled)[k] = true;
  }
  const filler = (t: ResolvedToken) => (isFiller(index, t.text) || isFiller(index, t.raw)) && writtenAsFiller(index, original, t);
  // What a negation denies names nothing the parcel holds: "Vật tư y tế (không phải khẩu trang)".
  if (denial) for (let k = 0; k < tokens.length; k++) if (denial.covered[k] === 1) covered[k] = true;
  // A container after a number is a quantity ("Hóa chất 2 can"), wherever else it is a word.
  for (let k = 1; k < tokens.length; k++) if (CONTAINERS.has(tokens[k].text) && /^\d/.test(tokens[k - 1].text)) covered[k] = true;
  const names = (k: number) => !covered[k] && !filler(tokens[k]);
  // Contents not described ("Mystery box, size M") ask for a look, unless the phrase heads a list of
  // the goods ("Random items: áo thun, quần jean") or a title holds the words ("Book: The Mystery Box").
  const undisclosed = hits.find((h) => h.term.kind === 'undisclosed');
  // A title label after the colon names its books ("Personal effects: books, toys").
  const undisclosedWords = (k: number) => hits.some((h) => h.term.kind === 'undisclosed' && h.from <= k && k < h.to);
  if (undisclosed && !titleSegments?.has(undisclosed.segment) && !headsALabel(original, tokens, undisclosed, (k) => !undisclosedWords(k) && names(k))) return 'whole';
  // Most descriptions name something: the first word neither general nor a filler settles it.
  if (tokens.every((t, k) => covered[k] || filler(t))) {
    return general || tokens.every((t) => !/[a-z]/.test(t.text)) || tokens.some((t) => /^\d/.test(t.text) || /^[a-z]{1,2}\d+$/.test(t.text) || isOrderCode(t.text)) ? 'whole' : null;
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
    if (tokens.every((t, k) => described[k] || filler(t))) return 'whole';
  }
  // Beside named goods, a list element of general medical wording still hides what it holds ("cà
  // phê, vật tư y tế"): a general phrase standing as a list element of its own, with a qualifier
  // that two restricted goods or more share (y tế, medical, phòng dịch), asks for a look. Not a
  // heading before a colon: "Thiết bị y tế: máy đo huyết áp" names its good.
  const part = hits.some(
    (h) =>
      h.term.kind === 'vague' && fillsItsElement(tokens, h, covered, filler) && qualifiesSeveral(qualifiers, h) && !headsALabel(original, tokens, h, names),
  );
  return part ? 'part' : null;
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

function fillsItsElement(tokens: readonly ResolvedToken[], h: Hit, covered: readonly boolean[], filler: (t: ResolvedToken) => boolean): boolean {
  const segment = tokens[h.from].segment;
  return tokens.every((t, k) => t.segment !== segment || covered[k] || filler(t));
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

function spanText(original: string, tokens: readonly ResolvedToken[], h: Hit): string {
  return original.slice(tokens[h.from].start, tokens[h.to - 1].end);
}

/**
 * The list elements that are the title of a publication: those a label begins, quantities aside
 * ("Sách khẩu trang y tế", "2 cuốn sách về khẩu trang"); and, after a label standing alone before a
 * colon with a title after it ("Book: Surgical Masks and Respirators"), all the rest. A label after
 * the goods is read as describing them ("Khẩu trang y tế 4 lớp sticker", "Masks as per catalog"),
 * which errs to the goods; one before quantities is a list heading ("Sách: 2 cuốn, khẩu trang: 10
 * cái"). Null when there is no label.
 */
function titleSegmentsOf(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): ReadonlySet<number> | null {
  let segments: Set<number> | null = null;
  const quantity = (t: ResolvedToken) => isFiller(index, t.text) && writtenAsFiller(index, original, t);
  for (const h of hits) {
    if (h.term.kind !== 'title') continue;
    let first = h.from;
    while (first > 0 && tokens[first - 1].segment === h.segment) first--;
    const before = tokens.slice(first, h.from);
    if (!before.every(quantity)) continue;
    (segments ??= new Set()).add(h.segment);
    // Before a colon only a number may come before the label ("1. Book: ..."): "Order from catalog:"
    // heads a list of goods.
    const alone = h.to < tokens.length && tokens[h.to].segment !== h.segment && before.every((t) => /^\d/.test(t.text));
    if (!alone || !original.slice(tokens[h.to - 1].end, tokens[h.to].start).includes(':')) continue;
    const next = tokens[h.to].segment;
    if (tokens.some((t) => t.segment === next && !quantity(t))) for (let k = h.to; k < tokens.length; k++) segments.add(tokens[k].segment);
  }
  return segments;
}

/**
 * What negations deny: the hits, the words of each negation and what it denies, and whether the
 * line names nothing else (fillers, general words and qualifiers aside).
 */
type Denial = { readonly hits: ReadonlySet<Hit>; readonly covered: Uint8Array; readonly alone: boolean };

/** Words a negation may stand apart from what it denies by: "không phải loại y tế", "not for medical use". */
const NEGATION_CONNECTORS = new Set(['a', 'an', 'the', 'for', 'of', 'un', 'une', 'des', 'de', 'du', 'd', 'pour', 'loai', 'la', 'hang', 'do', 'dung', 'cho']);

/** Words after which "no" is a number when one follows: "model no KN95", "item no 12". */
const NUMBER_LABELS = new Set(['model', 'item', 'style', 'ref', 'part', 'invoice', 'order', 'sku', 'lot', 'art', 'article', 'serial', 'po', 'box', 'carton', 'ctn', 'case', 'pallet']);

/**
 * Words that point at the item, stress a denial or end a sentence, naming nothing: "Đây không
 * phải...", "Definitely not...", "...đâu nha".
 */
const POINTING = new Set([
  'day', 'nay', 'dau', 'nha', 'nhe', 'ma', 'thi', 'la', 'chac', 'chan', 'that', 'hoan', 'toan',
  'definitely', 'absolutely', 'really', 'certainly', 'surely', 'just', 'only', 'totally', 'strictly',
  'vraiment', 'absolument', 'surtout', 'bien', 'seulement',
]);

/** Words after which a negation word is part of a name or compound. */
const NOT_NEGATING_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  not: new Set(['me', 'why', 'or']),
  non: new Set(['sua', 'mam', 'tre', 'la', 'non', 'mon']),
};

/** Negations that make adjectives only: "phi y tế" (non-medical); "phi" typed without marks is mostly phí (a fee). */
const ADJECTIVE_NEGATIONS = new Set(['phi']);

/** Whether the "no" at k is a number: glued to digits ("No7", "No.7"), or after a number label before a code. */
function numberNo(original: string, tokens: readonly ResolvedToken[], k: number): boolean {
  if (/\d/.test(tokens[k].raw) || /^\.?\s?\d/.test(original.slice(tokens[k].end, tokens[k].end + 3))) return true;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return !!before && !!after && before.segment === tokens[k].segment && after.segment === tokens[k].segment && NUMBER_LABELS.has(before.text) && /\d/.test(after.raw);
}

/** Whether a word written with Vietnamese marks carries the catalog's own ("phí" is not "phi", "nốt" not "not"). */
function writtenAs(original: string, t: ResolvedToken, written: string): boolean {
  const here = original.slice(t.start, t.end).normalize('NFC').toLowerCase();
  return !NON_ASCII_LETTER.test(here) || here === written;
}
const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/**
 * The hits a negation denies. The negation stands before the denied words, in their list element,
 * with no mark between ("NOT FOR SALE - medical masks" denies nothing) and at most two connectors;
 * one written into a catalog phrase ("gants non poudrés") or after a number label ("model no
 * KN95") denies nothing. What follows it decides:
 * - a generic word of a good, or a phrase naming it ("không phải găng tay y tế", "no mask", "không
 *   tẩm thuốc sát trùng"): the good is denied, with every phrase inside the longest one there, up
 *   to a mark;
 * - a qualifier or a look-alike ("not medical gloves", "non-sterile surgical gloves", "not sheet
 *   mask", "pas de gel hydroalcoolique"): those phrases are denied, but the generic word inside
 *   them stands ("gloves", "mask"), and so does a phrase that leaves the first word out ("surgical
 *   gloves").
 * Null when nothing is denied.
 */
function denialOf(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): Denial | null {
  // Most lines hold no negation word: they cost one lookup a word.
  const negationAt = (t: ResolvedToken) => index.negations.get(t.text) ?? (t.fuzzy ? index.negations.get(stem(t.raw)) : undefined);
  let any = false;
  for (let k = 0; k < tokens.length && !any; k++) any = negationAt(tokens[k]) !== undefined;
  if (!any) return null;
  let denied: Set<Hit> | null = null;
  const covered = new Uint8Array(tokens.length);
  // A dash or an apostrophe inside a word is no mark: "non-sterile", "n'est pas".
  const marked = (j: number) => {
    const gap = original.slice(tokens[j - 1].end, tokens[j].start);
    return /\S/.test(gap) && !/^['’‐-]$/.test(gap);
  };
  let startsAt: Hit[][] | undefined;
  let inPhrase: Uint8Array | undefined;
  const hitsAt = (p: number) => (startsAt ??= byStart(hits, tokens.length))[p];
  // A word as read, or as written when reading corrected it ("chẳng").
  const wordIs = (t: ResolvedToken, w: string) => t.text === w || stem(t.raw) === w;
  for (let k = 0; k < tokens.length; k++) {
    const negations = negationAt(tokens[k]);
    if (!negations) continue;
    const segment = tokens[k].segment;
    const plain = (p: number) => p < tokens.length && tokens[p].segment === segment && (p === k || !marked(p));
    for (const { words, written } of negations) {
      if (!words.every((w, j) => plain(k + j) && wordIs(tokens[k + j], w) && writtenAs(original, tokens[k + j], written[j]))) continue;
      // Written into a catalog phrase ("gants non poudrés", "găng tay không bột"), it denies nothing;
      // nor "no" after a label of a number ("model no KN95", "Item no. 5").
      if ((inPhrase ??= phraseWords(hits, tokens.length))[k] === 1) continue;
      if (words.length === 1 && tokens[k].text === 'no' && numberNo(original, tokens, k)) continue;
      // Nor inside a name or compound: "Forget Me Not", "sữa non" (colostrum), "mầm non" (nursery).
      if (words.length === 1 && k > 0 && NOT_NEGATING_AFTER[words[0]]?.has(tokens[k - 1].text) && tokens[k - 1].segment === tokens[k].segment) continue;
      let next = k + words.length;
      while (plain(next) && NEGATION_CONNECTORS.has(tokens[next].text) && hitsAt(next).length === 0 && next < k + words.length + 2) next++;
      if (!plain(next)) continue;
      const first = hitsAt(next);
      if (first.length === 0) continue;
      // A negation glued by a dash ("non-sterile") or one that only makes adjectives ("phi y tế")
      // denies a quality; otherwise a good named right after it is denied whole ("not medical
      // masks", "không phải gel rửa tay").
      const quality = first.some((h) => h.term.kind === 'qualifier' || h.term.kind === 'lookalike');
      const naming = first.some((h) => h.term.kind === 'head' || h.term.kind === 'term' || h.term.kind === 'brand');
      const prefix = next === k + words.length && original.slice(tokens[next - 1].end, tokens[next].start) === '-';
      const adjectival = words.length === 1 && ADJECTIVE_NEGATIONS.has(words[0]);
      if (adjectival && (naming || !quality)) continue;
      const good = !adjectival && (naming || !quality) && !(prefix && quality);
      let end = next + 1;
      for (const h of first) end = Math.max(end, h.to);
      for (let j = next + 1; j < end; j++) if (marked(j)) end = j;
      // Only connectors without hits lie between the negation and `next`: what holds `next` starts there.
      for (let p = next; p < end; p++) {
        for (const h of hitsAt(p)) {
          if (p > next && h.to > end) continue;
          if (good || h.term.kind !== 'head') (denied ??= new Set()).add(h);
        }
      }
      covered.fill(1, k, end);
    }
  }
  if (!denied) return null;
  // The line names something else only by a catalog phrase outside what is denied: a good, or a
  // look-alike of a denied one ("găng tay len (không phải găng tay y tế)").
  const deniedEntries = new Set<string>();
  for (const h of denied) deniedEntries.add(h.term.entryId);
  let alone = true;
  for (const h of hits) {
    const kind = h.term.kind;
    if (kind !== 'term' && kind !== 'brand' && kind !== 'head' && !(kind === 'lookalike' && deniedEntries.has(h.term.entryId))) continue;
    if (denied.has(h)) continue;
    for (let p = h.from; p < h.to; p++) if (covered[p] === 0) alone = false;
  }
  // Or by words the catalog does not know: "Nến thơm sáp đậu nành (không phải cồn khô)", "Dog
  // muzzle (not a face mask)".
  if (alone) {
    const described = new Uint8Array(tokens.length);
    for (const h of hits) if (h.term.kind !== 'lookalike') described.fill(1, h.from, h.to);
    // As written: a reading may turn a word into a filler ("khoác" read as "khách").
    const unknown = (p: number) =>
      covered[p] === 0 && described[p] === 0 && !isFiller(index, tokens[p].raw) && !isFiller(index, stem(tokens[p].raw)) && !POINTING.has(tokens[p].raw);
    // Before the first negation one word will do: the good the line is about ("Kẹo không có cồn");
    // after what it denies, a lone word may describe that ("Not surgical masks, blue").
    const firstNegation = covered.indexOf(1);
    for (let p = 0; p < tokens.length && alone; p++) {
      if (!unknown(p)) continue;
      if (p < firstNegation || (p > 0 && unknown(p - 1) && tokens[p].segment === tokens[p - 1].segment)) alone = false;
    }
  }
  return { hits: denied, covered, alone };
}

/** The words inside catalog phrases of two words or more, look-alikes aside ("không kèm khẩu trang" is a denial too). */
function phraseWords(hits: readonly Hit[], n: number): Uint8Array {
  const inside = new Uint8Array(n);
  for (const h of hits) if (h.to - h.from >= 2 && h.term.kind !== 'lookalike') inside.fill(1, h.from, h.to);
  return inside;
}

function byStart(hits: readonly Hit[], n: number): Hit[][] {
  const at: Hit[][] = Array.from({ length: n + 1 }, () => []);
  for (const h of hits) at[h.from].push(h);
  return at;
}

const OPENING_QUOTES = new Set(['"', "'", '“', '‘', '«', '「', '„']);
const CLOSING_QUOTES = new Set(['"', "'", '”', '’', '»', '」', '“']);

/**
 * The words in quotes right after a label of a title or a print: the print's text ("Tote bag in
 * chữ 'Alcohol You Later'"), as token ranges [from, to). Null when there is none.
 */
function quotedTitlesOf(original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): [number, number][] | null {
  let quoted: [number, number][] | null = null;
  for (const h of hits) {
    if (h.term.kind !== 'title' || h.to >= tokens.length) continue;
    let open = tokens[h.to - 1].end;
    while (open < original.length && /[\s:]/u.test(original[open])) open++;
    if (!OPENING_QUOTES.has(original[open])) continue;
    let close = open + 1;
    while (close < original.length && !CLOSING_QUOTES.has(original[close])) close++;
    let to = h.to;
    while (to < tokens.length && tokens[to].end <= close) to++;
    if (to > h.to) (quoted ??= []).push([h.to, to]);
  }
  return quoted;
}

/**
 * The strongest reading of one entry's hits. A look-alike beats what it overlaps (sheet mask, không
 * cồn) and a generic word in its list element (gardening gloves); with a qualifier too, it asks for a look.
 */
function scoreEntry(
  scoring: Scoring,
  hits: readonly Hit[],
  attributeSegments: () => ReadonlySet<number>,
  original: string,
  tokens: readonly ResolvedToken[],
  titleSegments: ReadonlySet<number> | null,
  quotedTitles: readonly [number, number][] | null,
  denial: Denial | null,
): { signal: Omit<EntrySignal, 'evidence' | 'hsConflict'> | null; lookalike: Hit | null } {
  const { weights } = scoring;
  const lookalikes = hits.filter((h) => h.term.kind === 'lookalike' && denial?.hits.has(h) !== true);
  const naming = (h: Hit) => h.term.kind === 'term' || h.term.kind === 'brand' || h.term.kind === 'head';
  // A look-alike beats what it overlaps, but not a longer phrase naming the good: "spirits" (liquor)
  // does not undo "surgical spirit", nor "bảo hộ" (work wear) "bảo hộ tay". Nor one that starts
  // before it: "latex gloves box" is a box of gloves, not a "glove box".
  const beats = (l: Hit, h: Hit) => overlaps(l, h) && !(naming(h) && (h.to - h.from > l.to - l.from || h.from < l.from));
  const live = hits.filter((h) => h.term.kind !== 'lookalike' && !lookalikes.some((l) => beats(l, h)));
  // The look-alike that overrode a naming word of this entry, if any: the one worth telling the clerk.
  const overriding =
    lookalikes.find((l) => hits.some((h) => naming(h) && beats(l, h))) ??
    lookalikes.find((l) => live.some((h) => h.term.kind === 'head' && h.segment === l.segment)) ??
    null;
  const isDenied = (h: Hit) => denial?.hits.has(h) === true;
  const qualifiers = live.filter((h) => h.term.kind === 'qualifier' && !isDenied(h));
  const excluded = (h: Hit) => lookalikes.some((l) => l.segment === h.segment);
  let best: { hit: Hit; score: number; kind: TermKind } | null = null;
  const consider = (hit: Hit, score: number, kind: TermKind) => {
    const read = hit.fuzzy ? score * weights.fuzzyPenalty : score;
    // In a title, restricted words name a subject: a look at most, and none for a generic word
    // alone ("Funko Pop The Mask", "Đĩa than Bauhaus – Mask").
    const inTitle = titleSegments?.has(hit.segment) === true || quotedTitles?.some(([from, to]) => hit.from >= from && hit.to <= to) === true;
    if (inTitle && kind === 'head' && score === weights.head) return;
    const s = inTitle ? Math.min(read, weights.head) : read;
    if (!best || s > best.score) best = { hit, score: s, kind };
  };
  for (const h of live) {
    const kind = h.term.kind as TermKind;
    // "không phải găng tay y tế", "not medical gloves": a good named only to be denied asks for a
    // look; beside what the line does name, it says nothing ("găng tay len (không phải găng tay y tế)").
    if (isDenied(h)) {
      if (kind !== 'qualifier' && denial?.alone) consider(h, weights.head, 'head');
      continue;
    }
    if (kind === 'term' || kind === 'brand') {
      if (h.cut) consider(h, weights.head, 'head');
      else consider(h, kind === 'term' ? weights.term : weights.brand, kind);
    } else if (kind === 'head') {
      if (h.cut) {
        consider(h, weights.head, 'head');
        continue;
      }
      const near = qualifiers.some((q) => !overlaps(q, h) && q.segment === h.segment);
      // Written with other marks ("kháu trang", but also "khâu trang phục", "con rùa tay"), a generic
      // word only asks for a look, and only with a qualifier beside it: "kháu trang y tế".
      if (h.toneSlip) {
        if (near) consider(h, weights.head, 'head');
        continue;
      }
      const attribute = qualifiers.some((q) => q.segment !== h.segment && attributeSegments().has(q.segment));
      // "bao tay nilon y tế": a qualifier and a look-alike word in one list element ask for a look.
      if (!excluded(h)) consider(h, near || attribute ? weights.qualifiedHead : weights.head, 'head');
      else if (near) consider(h, weights.head, 'head');
    }
  }
  const lookalike = overriding;
  if (!best) return { signal: null, lookalike };
  const b = best as { hit: Hit; score: number; kind: TermKind };
  return {
    signal: {
      entryId: b.hit.term.entryId,
      score: Math.round(b.score * 1000) / 1000,
      kind: b.kind,
      term: b.hit.term.text,
      matchedText: spanText(original, tokens, b.hit),
      fuzzy: b.hit.fuzzy,
    },
    lookalike,
  };
}

function strongestHsCode(index: MatchIndex, hsDigits: string | undefined) {
  const found = new Map<string, HsStrength>();
  if (!hsDigits) return found;
  // Codes are four digits or more, so only codes of the declared code's heading can relate to it.
  for (const h of index.hsCodesByHeading.get(hsDigits.slice(0, 4)) ?? []) {
    const s = hsStrengthFor(hsDigits, h.digits, h.strength);
    if (s && found.get(h.entryId) !== 'decisive') found.set(h.entryId, s);
  }
  return found;
}

/** A signal; every one is built here, fields in one order, so they share one shape. */
function signalOf(
  entryId: string,
  score: number,
  kind: EntrySignal['kind'],
  term: string,
  matchedText: string,
  fuzzy: boolean,
  evidence: EntrySignal['evidence'],
  hsConflict: boolean,
): EntrySignal {
  return { entryId, score, kind, term, matchedText, fuzzy, evidence, hsConflict };
}

/**
 * Matches one declared item against every catalog entry: its description (phrases, brands,
 * generic words with qualifiers, look-alikes) and its HS code. Pure; the cost grows with the
 * words of the description, not with the size of the catalog.
 */
export function analyzeItem(
  index: MatchIndex,
  scoring: Scoring,
  description: string,
  hsDigits?: string,
): ItemAnalysis {
  const normalized = normalizeText(description);
  const tokens = resolveTokens(index, normalized.tokens, description);
  const hits = findHits(index, description, tokens);
  const titleSegments = titleSegmentsOf(index, description, tokens, hits);
  const quotedTitles = quotedTitlesOf(description, tokens, hits);
  const denial = index.negations.size ? denialOf(index, description, tokens, hits) : null;
  const vagueness = isVague(index, description, tokens, hits, titleSegments, denial);
  const vague = vagueness !== null;
  // Only a generic word with a qualifier asks for the layout.
  let segments: ReadonlySet<number> | undefined;
  const attributeSegments = () => (segments ??= layoutOf(tokens, hits).attributeSegments);

  const byEntry = new Map<string, Hit[]>();
  for (const h of hits) {
    if (h.term.kind === 'vague' || h.term.kind === 'title' || h.term.kind === 'undisclosed') continue;
    const list = byEntry.get(h.term.entryId);
    if (list) list.push(h);
    else byEntry.set(h.term.entryId, [h]);
  }
  const hsByEntry = strongestHsCode(index, hsDigits);
  const { weights } = scoring;
  const signals: EntrySignal[] = [];
  const lookalikes: ItemAnalysis['lookalikes'] = [];
  // A general list element beside named goods still describes something: a code yields to them.
  const describesSomething = vagueness !== 'whole' && tokens.length > 0;
  const hsText = hsDigits ?? '';

  for (const entryId of new Set([...byEntry.keys(), ...hsByEntry.keys()])) {
    const { signal, lookalike } = scoreEntry(scoring, byEntry.get(entryId) ?? [], attributeSegments, description, tokens, titleSegments, quotedTitles, denial);
    if (lookalike) {
      lookalikes.push({ entryId, term: lookalike.term.text, matchedText: spanText(description, tokens, lookalike) });
    }
    const hs = hsByEntry.get(entryId);
    if (signal) {
      const boosted = hs === 'decisive' && signal.score < weights.hsDecisive;
      const score = boosted ? weights.hsDecisive : signal.score;
      signals.push(signalOf(entryId, score, signal.kind, signal.term, signal.matchedText, signal.fuzzy, hs ? 'description+hsCode' : 'description', false));
      continue;
    }
    if (!hs) continue;
    // A specific code next to a clear description of another good is a conflict; a broad code
    // (6307.90 covers flags and lanyards too) yields to the description.
    if (describesSomething && hs === 'decisive') {
      signals.push(signalOf(entryId, weights.hsIndicative, 'hs', hsText, hsText, false, 'hsCode', true));
    } else if (!describesSomething) {
      signals.push(signalOf(entryId, hs === 'decisive' ? weights.hsDecisive : weights.hsIndicative, 'hs', hsText, hsText, false, 'hsCode', false));
    }
  }
  signals.sort((a, b) => b.score - a.score);
  return { normalizedText: tokens.map((t) => t.text).join(' '), vague, signals, lookalikes };
}

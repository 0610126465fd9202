import { accessoryOf, withItsGood } from './accessories';
import { isFiller, isPiece } from './fillers';
import { hsStrengthFor } from './hs-code';
import { findHits, type Hit } from './find-hits';
import type { MatchIndex } from './match-index';
import { denialOf, type Denial } from './negations';
import { DRAWS_A_GOOD, normalizeText, writtenAs } from './normalize';
import { resolveTokens, type ResolvedToken } from './resolve-tokens';
import { quotedTitlesOf, titleSegmentsOf } from './titles';
import { readableText } from './readable';
import { hanTranslation, holdsFarLetter, quoted, unreadWords } from './scripts';
import type { Evidence, HsStrength, Scoring, TermKind } from './types';
import { isVague } from './vagueness';

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
  /** Words written wholly in a script the catalog does not read ("口罩", "Перчатки"), the first few. */
  unread: string[];
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

/** Words that count things after a number, as folded: sheets, pieces, pairs, packs, boxes, bottles. */
const COUNTED = new Set(['to', 'mieng', 'cai', 'chiec', 'goi', 'hop', 'tui', 'chai', 'doi', 'cuon', 'pc', 'pcs', 'piece', 'sheet', 'pair', 'pack', 'box', 'bottle', 'unit', 'count', 'ct', 'feuille', 'paire', 'boite', 'sachet', 'flacon']);

const NO_HITS: Hit[] = [];
/** Marks that set a word apart from the one before it: "(medical)", "- hospital use", ", sterile". */
const SEPARATOR = /[([\-–—/:;,|&+]/;
/** Words joining a second use to a first: "for food and medical use", "or hospital". */
const JOINING: ReadonlySet<string> = new Set(['and', 'or', 'va', 'hoac', 'hay', 'et', 'ou']);
/** A qualifier that measures: a number, a strength or a volume ("70%", "500ml", "ml", "độ"). */
const MEASURE = /\d|^(ml|l|cl|lit|lít|oz|vol|do|độ|%)$/;
const DIGIT = /\d/;
/** Words saying what a thing is for: a look-alike before one names another thing ("cloth for masks"). */
const PURPOSE: ReadonlySet<string> = new Set(['for', 'pour', 'cho']);

function spanText(original: string, tokens: readonly ResolvedToken[], h: Hit): string {
  return original.slice(tokens[h.from].start, tokens[h.to - 1].end);
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
  accessories: readonly Hit[],
  alone: (h: Hit) => boolean,
  describesOnly: (segment: number) => boolean,
  lookalikeWordApart: () => boolean,
): { signal: Omit<EntrySignal, 'evidence' | 'hsConflict'> | null; lookalike: Hit | null; checked: boolean; underCode: Hit | undefined } {
  const { weights } = scoring;
  const naming = (h: Hit) => h.term.kind === 'term' || h.term.kind === 'brand' || h.term.kind === 'head';
  // English makes a compound of a singular word ("glove box", "mask pack"): written in the plural
  // at the end of a longer name of the good, the word names goods in a box or a pack ("Disposable
  // gloves box", "Face masks (pack of 10)"); alone, it may still be the car's "Gloves box".
  const pluralFirst = (l: Hit) =>
    l.term.leads !== true &&
    l.to - l.from === 2 &&
    COUNTED.has(tokens[l.from + 1].text) &&
    tokens[l.from].raw !== tokens[l.from].text &&
    tokens[l.from].raw.endsWith('s') &&
    !/s$/i.test(l.term.text.split(' ')[0]) &&
    hits.some((n) => naming(n) && n.from < l.from && n.to > l.from);
  // A look-alike beats what it overlaps, but not a longer phrase naming the good: "spirits" (liquor)
  // does not undo "surgical spirit", nor "bảo hộ" (work wear) "bảo hộ tay". Nor, in English, one
  // that starts before it: "latex gloves box" is a box of gloves, not a "glove box"; in Vietnamese
  // and French what follows the name describes it ("Găng tay nitrile làm vườn").
  const longer = (l: Hit, h: Hit) => naming(h) && overlaps(l, h) && h.to - h.from > l.to - l.from;
  // A look-alike inside a longer naming phrase is no reading of the line at all: "xịt kháng khuẩn"
  // is not "xịt khoáng" read loosely.
  // A look-alike checked under a code only ("khăn ống") undoes nothing: "Khẩu trang khăn ống" is a mask.
  const lookalikes = hits.filter(
    (h) => h.term.kind === 'lookalike' && h.term.underCode !== true && denial?.hits.has(h) !== true && !hits.some((n) => longer(h, n)) && !pluralFirst(h),
  );
  const beats = (l: Hit, h: Hit) => overlaps(l, h) && !longer(l, h) && !(naming(h) && h.from < l.from && l.term.leads !== true);
  // The goods things are made for ("hand sanitizer | dispenser", "hộp đựng | khẩu trang"), each a
  // whole name ("sanitizer" in "Refill for hand sanitizer dispenser" is read with its "hand"); no
  // word of them names the good.
  const whole = (h: Hit) => !hits.some((n) => n !== h && naming(n) && n.from <= h.from && h.to <= n.to && n.to - n.from > h.to - h.from);
  const objects: { good: Hit; thing: Hit }[] = [];
  if (accessories.length) {
    for (const h of hits) {
      const thing = naming(h) && whole(h) ? accessoryOf(original, tokens, accessories, hits, h) : undefined;
      if (thing) objects.push({ good: h, thing });
    }
  }
  const live = hits.filter((h) => h.term.kind !== 'lookalike' && !lookalikes.some((l) => beats(l, h)) && !objects.some((o) => overlaps(o.good, h)));
  // The look-alike that overrode a naming word of this entry, if any: the one worth telling the clerk.
  const overriding =
    lookalikes.find((l) => hits.some((h) => naming(h) && beats(l, h))) ??
    lookalikes.find((l) => live.some((h) => h.term.kind === 'head' && h.segment === l.segment)) ??
    null;
  const isDenied = (h: Hit) => denial?.hits.has(h) === true;
  // A number the catalog reads as a strength (cồn 70, 80 %) counts things before a counting word: "80 tờ" is
  // 80 sheets ("tờ" with its mark: "75 to disinfect" is a strength).
  const countedAt = (k: number) => COUNTED.has(tokens[k].text) && (tokens[k].text !== 'to' || writtenAs(original, tokens[k], 'tờ', false));
  const counts = (h: Hit) => h.to - h.from === 1 && /^\d+$/.test(tokens[h.from].text) && tokens[h.to]?.segment === h.segment && countedAt(h.to);
  const qualifiers = live.filter((h) => h.term.kind === 'qualifier' && !isDenied(h) && !counts(h));
  const excluded = (h: Hit) => lookalikes.some((l) => l.segment === h.segment);
  // A hit that is no piece of a word read as several.
  const unbroken = (h: Hit) => !isPiece(tokens, h.from) && !isPiece(tokens, h.to - 1);
  // A generic word of another language counts only with a qualifier of its language, one that
  // several goods share (surgical, medical) or a code, beside it and both words written whole:
  // "Handschuhpuppe" (a glove puppet) is no "Handschuh" with a PPE cut from "puppe", nor
  // "Guantes de látex para limpieza" medical gloves.
  const qualifiedInItsLanguage = (h: Hit) =>
    unbroken(h) &&
    qualifiers.some(
      (q) =>
        !overlaps(q, h) &&
        (q.segment === h.segment || attributeSegments().has(q.segment)) &&
        (q.term.otherLanguage === true || q.term.shared === true || DIGIT.test(q.term.text)) &&
        unbroken(q),
    );
  // A maker's name after another good, in one list element of a language that names the thing
  // first, may name who made that good ("Gạc vô trùng 10x10cm Bảo Thạch", "Bông tăm Bảo Thạch 200
  // que") or hide the maker's own good behind it ("nước hoa Sterillium"): the clerk looks. Not when
  // the look-alike holds the good's own name ("Khẩu trang vải Bảo Thạch"), nor after a linking
  // word ("Half-empty bottle of Purell"). A model ("3M 8210") is the good itself.
  const makerOfAnother = (brand: Hit) =>
    !DIGIT.test(brand.term.text) &&
    lookalikes.some((l) => l.term.leads === true && l.segment === brand.segment && l.to <= brand.from && !hits.some((n) => n !== brand && naming(n) && overlaps(l, n)));
  // Not a look-alike before a word saying what it is for: "Microfiber cloth for mask wearers".
  const forBetween = (l: Hit, h: Hit) => {
    for (let k = l.to; k < h.from; k++) if (PURPOSE.has(tokens[k].text)) return true;
    return false;
  };
  // Every look-alike of the line counts, not only its list element's: in "Face masks (cotton,
  // skincare)" the skincare says what the cotton mask is. Nor beside a word of a thing made for the
  // good ("Mask pouch (cotton)").
  const checkedApart = (h: Hit) =>
    !accessories.some((a) => a.segment === h.segment) &&
    lookalikes.some((l) => l.segment === h.segment) &&
    lookalikes.every((l) => l.term.checksWith?.includes(h.term) === true && !forBetween(l, h)) &&
    !lookalikeWordApart();
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
    // A phrase cut short by a field limit ("KHAU TRANG Y T", "KHAU TR") asks for a look at most.
    if (h.cut) {
      consider(h, weights.head, 'head');
      continue;
    }
    if (kind === 'brand' && makerOfAnother(h)) {
      consider(h, weights.head, 'head');
      continue;
    }
    if (kind === 'term' || kind === 'brand') {
      consider(h, kind === 'term' ? weights.term : weights.brand, kind);
    } else if (kind === 'head') {
      const near = qualifiers.some((q) => !overlaps(q, h) && q.segment === h.segment);
      // Written with other marks ("kháu trang", but also "khâu trang phục", "con rùa tay"), a generic
      // word only asks for a look, and only with a qualifier beside it: "kháu trang y tế".
      if (h.toneSlip) {
        if (near) consider(h, weights.head, 'head');
        continue;
      }
      const attribute = qualifiers.some((q) => q.segment !== h.segment && !overlaps(q, h) && attributeSegments().has(q.segment));
      // Alone in its list element, with counts and fillers ("Mundschutz 10 Stück", "Handschuhe"), it
      // asks for a look, as "gloves" alone does; beside words the catalog does not read ("Handschuhe
      // Leder") it names nothing the screen can judge.
      if (h.term.otherLanguage === true && !qualifiedInItsLanguage(h)) {
        if (unbroken(h) && alone(h) && !excluded(h)) consider(h, weights.head, 'head');
        continue;
      }
      // "bao tay nilon y tế": a qualifier and a look-alike word in one list element ask for a look.
      if (!excluded(h)) consider(h, near || attribute ? weights.qualifiedHead : weights.head, 'head');
      // So does one beside a list element of describing words only ("Găng tay nitrile làm vườn, y
      // tế", "Găng tay rửa bát, khám bệnh"), not beside another good ("Găng tay len, băng y tế").
      // A measure there ("Rice wine 40% alcohol, 2 bottles x 500ml") says how much, not what for.
      else if (near || qualifiers.some((q) => q.segment !== h.segment && !MEASURE.test(q.term.text) && describesOnly(q.segment))) consider(h, weights.head, 'head');
      // So does one whose look-alikes each make a look-alike to check with it, one of them beside
      // it: "Face masks (cotton, washable)" is a "cotton face mask".
      else if (checkedApart(h)) consider(h, weights.head, 'head');
    }
  }
  // A look-alike that took the whole name ("sheet mask") still asks for a look, as one beside a
  // generic word does, with:
  // - a qualifier several goods share before it ("Medical sheet mask"), or right after it or set
  //   apart by a mark or "and"/"or" ("sheet mask surgical", "Nitrile gloves for food (medical)";
  //   not "Áo choàng bảo hộ tay dài dùng trong bệnh viện", a gown);
  // - a qualifier of the good's own so set after it, when the look-alike took a full name of the
  //   good ("Nitrile gloves for food handling, examination grade"; not a generic word's look-alike,
  //   "Alcohol-free hand spray");
  // - a list element of describing words only beside it ("Sheet masks, y tế").
  const setApart = (l: Hit, q: Hit) =>
    q.from >= l.to &&
    (q.from === l.to || SEPARATOR.test(original.slice(tokens[q.from - 1].end, tokens[q.from].start)) || (q.from - 1 >= l.to && JOINING.has(tokens[q.from - 1].text)));
  const over = overriding;
  const overridden = over && !best ? hits.find((h) => naming(h) && beats(over, h)) : undefined;
  // A qualifier of the good's own after a look-alike that took a full name of it ("nitrile gloves").
  const ownAfterName = (q: Hit) => overridden?.term.kind === 'term' && !overlaps(q, overridden) && !MEASURE.test(q.term.text);
  if (
    overridden &&
    over &&
    qualifiers.some((q) =>
      q.segment === over.segment
        ? q.term.shared === true
          ? q.to <= over.from || setApart(over, q)
          : setApart(over, q) && ownAfterName(q)
        : !MEASURE.test(q.term.text) && describesOnly(q.segment),
    )
  ) {
    consider(overridden, weights.head, 'head');
  }
  // A look-alike that may still be the good asks for a look ("khẩu trang vải", "cloth mask",
  // "mouthwash"), unless another look-alike in its list element names what it is ("Masques en tissu
  // hydratants", sheet masks; not "thời trang" of "Khẩu trang vải thời trang") or holds it, or a
  // thing made for the good holds it ("Túi đựng khẩu trang vải", a pouch).
  const toCheck = lookalikes.find(
    (l) =>
      l.term.toCheck === true &&
      !lookalikes.some((o) => o.term.toCheck !== true && (o.segment === l.segment || overlaps(o, l)) && !(o.term.describesChecked === true && o.to - o.from <= l.to - l.from)) &&
      !objects.some((o) => overlaps(o.thing, l) || overlaps(o.good, l)),
  );
  if (toCheck) consider(toCheck, weights.head, 'head');
  const lookalike = overriding ?? (objects.length ? withItsGood(objects[0].thing, objects[0].good) : null);
  // A look-alike that asks for a look under the good's own code ("Neck gaiter" under 6307.90), not
  // beside a word of a thing made for it ("Scarf clips").
  const underCode = hits.find((l) => l.term.underCode === true && denial?.hits.has(l) !== true && !accessories.some((a) => a.segment === l.segment));
  if (!best) return { signal: null, lookalike, checked: false, underCode };
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
    checked: b.hit.term.toCheck === true,
    underCode,
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

/** How many unread words an answer quotes. */
const UNREAD_QUOTED = 3;

/**
 * Words in a script the catalog does not read, the first few: those with a piece no phrase or
 * filler of the catalog matched. A run written whole is read in pieces ("医用口照" is 医用 and
 * 口照), and a piece left over is unread, though a phrase matched the rest.
 */
function unreadOf(index: MatchIndex, description: string, tokens: readonly ResolvedToken[], hits: readonly Hit[], alone: (h: Hit) => boolean): string[] {
  const words = unreadWords(description);
  if (words.length === 0) return [];
  // A generic word of another language reads beside a qualifier or alone in its list element
  // ("ถุงมือ"); beside words the catalog does not read ("маска 10 шт") it names nothing the screen
  // can judge. A filler of the catalog's is read ("켤레", pairs).
  const covered = (k: number) =>
    index.fillers.has(tokens[k].text) || hits.some((h) => h.from <= k && k < h.to && !(h.term.kind === 'head' && h.term.otherLanguage === true && !alone(h)));
  const read = (w: { start: number; end: number }) => {
    let any = false;
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k].start >= w.end || tokens[k].end <= w.start) continue;
      if (!covered(k)) return false;
      any = true;
    }
    return any;
  };
  const unread = words.filter((w) => !read(w));
  // A Chinese translation in brackets of words that name a good: the screen judges those. General
  // wording names none ("杂货 (tạp hóa)").
  const general = (k: number) => hits.some((h) => (h.term.kind === 'vague' || h.term.kind === 'undisclosed') && h.from <= k && k < h.to);
  const names = (start: number, end: number) =>
    tokens.some((t, k) => t.start >= start && t.end <= end && LATIN_WORD.test(description.slice(t.start, t.end)) && !index.fillers.has(t.text) && !/\d/.test(t.text) && !general(k));
  // Nor when the catalog reads words of that script there as words of the goods ("Kẹo (可孚 一次性)").
  const farRead = hits.some((h) => (h.term.kind === 'term' || h.term.kind === 'brand' || h.term.kind === 'head' || h.term.kind === 'qualifier') && tokens.slice(h.from, h.to).some((t) => holdsFarLetter(t.text)));
  if (!farRead && hanTranslation(description, unread, index.guardedHan, names)) return [];
  return unread.slice(0, UNREAD_QUOTED).map((w) => quoted(w.word));
}

/** A word of two Latin letters or more, as written. */
const LATIN_WORD = /\p{Script=Latin}.*\p{Script=Latin}/u;

/**
 * Matches one declared item against every catalog entry: its description (phrases, brands,
 * generic words with qualifiers, look-alikes) and its HS code. Pure; the cost grows with the
 * words of the description, not with the size of the catalog.
 */
export function analyzeItem(
  index: MatchIndex,
  scoring: Scoring,
  written: string,
  hsDigits?: string,
): ItemAnalysis {
  // Read as the clerk reads it: character references decoded, reversed text turned, mojibake mended.
  const description = readableText(written);
  let analysis = analyzeText(index, scoring, description, hsDigits, false);
  // Words parted by characters that do not show are read with them dropped, as inside a word
  // ("kh\u200bẩu trang"), and as spaces, as between words ("găng\u200btay\u200by tế", whose glued
  // "găngtayy" breaks as "găng ta yy"); a word cut inside ("Gants de s\u200bki") is not taken apart
  // into a bare "gants". Each is one code unit, so a space keeps every place in the text.
  if (UNSEEN_SPACE.test(description)) analysis = outright(scoring, analysis, analyzeText(index, scoring, description.replace(UNSEEN_SPACES, ' '), hsDigits, false));
  // An emoji drawing a good ("😷 y tế 4 lớp", "Nitrile 🧤 hộp 100") is read as its word when that
  // makes the line name the good outright; alone, or beside another good, it is a picture ("Kẹo 😷
  // vui", "Móc khóa hình 😷"), and inside a word a mark to be skipped ("Kh😷ẩu trang").
  if (DRAWS_A_GOOD.test(description)) analysis = outright(scoring, analysis, analyzeText(index, scoring, description, hsDigits, true));
  return analysis;
}

/** Characters that part words without showing: a zero-width space, a word joiner, a byte-order mark. */
const UNSEEN_SPACE = /[\u200b\u2060\ufeff]/;
const UNSEEN_SPACES = new RegExp(UNSEEN_SPACE.source, 'g');

/** Another reading of a line stands only when it names a good outright, and more strongly than the first. */
function outright(scoring: Scoring, first: ItemAnalysis, other: ItemAnalysis): ItemAnalysis {
  const top = (a: ItemAnalysis) => a.signals[0]?.score ?? 0;
  return top(other) >= scoring.thresholds.reject && top(other) > top(first) ? other : first;
}

function analyzeText(index: MatchIndex, scoring: Scoring, description: string, hsDigits: string | undefined, pictured: boolean): ItemAnalysis {
  const normalized = normalizeText(description, pictured);
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
  let accessories: Hit[] = NO_HITS;
  for (const h of hits) {
    if (h.term.kind === 'accessory') {
      if (accessories === NO_HITS) accessories = [];
      accessories.push(h);
      continue;
    }
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
  // Whether every word of a list element is a count, a filler or one `read` accepts.
  const onlyFillersAnd = (segment: number, read: (k: number) => boolean) => tokens.every((t, k) => t.segment !== segment || isFiller(index, t.text) || read(k));
  // Whether each other word of a hit's list element is a count, a filler or part of another reading.
  const alone = (h: Hit) => onlyFillersAnd(h.segment, (k) => (h.from <= k && k < h.to) || hits.some((g) => g !== h && g.term.kind !== 'lookalike' && g.from <= k && k < g.to));
  // Whether a list element holds only qualifiers, counts and fillers: it describes, naming no good.
  const describesOnly = (segment: number) => onlyFillersAnd(segment, (k) => hits.some((g) => g.term.kind === 'qualifier' && g.from <= k && k < g.to));

  // Whether a word of the entry's look-alikes stands in the line outside any phrase read: "sleep" of
  // "Mask (cotton, sleep)" says a sleep mask, though no look-alike was read whole.
  const lookalikeWordApart = (entryId: string) => {
    const words = index.lookalikeWords.get(entryId);
    const own = byEntry.get(entryId) ?? NO_HITS;
    return words !== undefined && tokens.some((t, k) => words.has(t.text) && !own.some((h) => h.from <= k && k < h.to));
  };
  for (const entryId of new Set([...byEntry.keys(), ...hsByEntry.keys()])) {
    const { signal, lookalike, checked, underCode } = scoreEntry(
      scoring,
      byEntry.get(entryId) ?? [],
      attributeSegments,
      description,
      tokens,
      titleSegments,
      quotedTitles,
      denial,
      accessories,
      alone,
      describesOnly,
      () => lookalikeWordApart(entryId),
    );
    if (lookalike) {
      lookalikes.push({ entryId, term: lookalike.term.text, matchedText: spanText(description, tokens, lookalike) });
    }
    const hs = hsByEntry.get(entryId);
    // A look-alike that may be the good, under the good's own code ("Khẩu trang vải" under 6307.90.40,
    // surgical masks): the code contradicts the description.
    if (signal && checked && hs === 'decisive') {
      signals.push(signalOf(entryId, signal.score, signal.kind, signal.term, signal.matchedText, signal.fuzzy, 'description+hsCode', true));
      continue;
    }
    if (signal) {
      const boosted = hs === 'decisive' && signal.score < weights.hsDecisive;
      const score = boosted ? weights.hsDecisive : signal.score;
      signals.push(signalOf(entryId, score, signal.kind, signal.term, signal.matchedText, signal.fuzzy, hs ? 'description+hsCode' : 'description', false));
      continue;
    }
    if (!hs) continue;
    // A specific code next to a clear description of another good is a conflict; a broad code
    // (6307.90 covers flags and lanyards too) yields to the description, unless it names a look-alike
    // the catalog checks under the good's codes ("Neck gaiter" under 6307.90).
    if (describesSomething && (hs === 'decisive' || underCode)) {
      signals.push(signalOf(entryId, weights.hsIndicative, 'hs', hsText, underCode ? spanText(description, tokens, underCode) : hsText, false, underCode ? 'description+hsCode' : 'hsCode', true));
    } else if (!describesSomething) {
      signals.push(signalOf(entryId, hs === 'decisive' ? weights.hsDecisive : weights.hsIndicative, 'hs', hsText, hsText, false, 'hsCode', false));
    }
  }
  signals.sort((a, b) => b.score - a.score);
  return { normalizedText: tokens.map((t) => t.text).join(' '), vague, signals, lookalikes, unread: unreadOf(index, description, tokens, hits, alone) };
}

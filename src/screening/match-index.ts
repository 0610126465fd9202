import { normalizeText, phraseTokens, stem, writtenWords } from './normalize';
import { soundInitial } from './sound-key';
import { parseHsCode } from './hs-code';
import { hanLettersOf } from './scripts';
import type { CatalogSettings, HsStrength, ListLang, RestrictedEntry, TermKind, TermLists } from './types';

/** Bits of a term's flags, one per yes-or-no property. */
const DESCRIBABLE = 1;
const OTHER_LANGUAGE = 2;
const SHARED = 4;
const TO_CHECK = 8;
const DESCRIBES_CHECKED = 16;
const UNDER_CODE = 32;
const LEADS = 64;
const FOR_SOMEONE = 128;

/** What few terms have, kept apart from the rest. */
type TermDetails = { toned: string | undefined; tonedTokens: string[] | undefined; joined: number[] | undefined; checksWith: IndexedTerm[] | undefined };

/**
 * A catalog phrase as the index files it. Every term is one small object of one shape: matching
 * reads terms in its hottest loop, where terms of many shapes (each with the optional properties it
 * happened to have) made every read a slow lookup, and a property for each option on every term
 * would take about 17 MB more at 10,000 entries. Yes-or-no properties are bits of one number, the
 * rarer values one object shared by nothing else; both are read and set as properties.
 */
export class IndexedTerm {
  private flags = 0;
  private details: TermDetails | undefined = undefined;

  constructor(
    readonly entryId: string,
    readonly kind: TermKind | 'vague' | 'title' | 'undisclosed' | 'accessory',
    /** The phrase as the catalog writes it. */
    readonly text: string,
    readonly tokens: string[],
    /** Order of indexing: hits at one position are reported in catalog order, whichever list found them. */
    readonly seq: number,
  ) {}

  private flag(bit: number): true | undefined {
    return (this.flags & bit) !== 0 ? true : undefined;
  }

  private setFlag(bit: number, on: true | undefined): void {
    this.flags = on ? this.flags | bit : this.flags & ~bit;
  }

  private detailed(): TermDetails {
    return (this.details ??= { toned: undefined, tonedTokens: undefined, joined: undefined, checksWith: undefined });
  }

  /** For a one-word phrase with diacritics: the word must be written with them (cồn, not con). */
  get toned(): string | undefined {
    return this.details?.toned;
  }
  set toned(value: string | undefined) {
    this.detailed().toned = value;
  }

  /** For a Vietnamese generic word or qualifier: each word as written, checked when the description has tones too. */
  get tonedTokens(): string[] | undefined {
    return this.details?.tonedTokens;
  }
  set tonedTokens(value: string[] | undefined) {
    this.detailed().tonedTokens = value;
  }

  /** For a general phrase that is a kind of goods (`vague.kinds`): a describing word beside it makes a description. */
  get describable(): true | undefined {
    return this.flag(DESCRIBABLE);
  }
  set describable(value: true | undefined) {
    this.setFlag(DESCRIBABLE, value);
  }

  /** For a general phrase of `vague.forSomeone`: what follows "for" says whom it goes to, never what it holds. */
  get forSomeone(): true | undefined {
    return this.flag(FOR_SOMEONE);
  }
  set forSomeone(value: true | undefined) {
    this.setFlag(FOR_SOMEONE, value);
  }

  /**
   * For a general phrase or a generic word written with a list word ("odds and ends", "bits &
   * pieces", "mouth and nose cover"): the positions of the words after one, where the phrase goes
   * on past the break a description's list word makes.
   */
  get joined(): number[] | undefined {
    return this.details?.joined;
  }
  set joined(value: number[] | undefined) {
    this.detailed().joined = value;
  }

  /**
   * A word of another language (`other`). A generic word of one (Handschuhe, mascarilla, masker)
   * names nothing alone, since the catalog knows few of that language's look-alikes ("mascarilla
   * para el cabello", "Handschuhe Leder"); it counts with a qualifier of its language, one several
   * goods share or a standard's or model's code ("Handschuhe medizinisch", "mascarilla FFP2"), not
   * with a material ("Guantes de látex para limpieza" are kitchen gloves).
   */
  get otherLanguage(): true | undefined {
    return this.flag(OTHER_LANGUAGE);
  }
  set otherLanguage(value: true | undefined) {
    this.setFlag(OTHER_LANGUAGE, value);
  }

  /** A qualifier two restricted goods or more have (medical, surgical, y tế): it says what a good is for, not what it is made of. */
  get shared(): true | undefined {
    return this.flag(SHARED);
  }
  set shared(value: true | undefined) {
    this.setFlag(SHARED, value);
  }

  /** A look-alike that may still be the restricted good (`lookalikesToCheck`: a cloth mask, mouthwash): the clerk looks. */
  get toCheck(): true | undefined {
    return this.flag(TO_CHECK);
  }
  set toCheck(value: true | undefined) {
    this.setFlag(TO_CHECK, value);
  }

  /**
   * A look-alike whose words all belong to phrases of `lookalikesToCheck` ("thời trang" of "khẩu
   * trang thời trang", "cotton" of "cotton mask"): beside such a good it describes it, where another
   * look-alike names what the good is ("Masques en tissu hydratants" are sheet masks).
   */
  get describesChecked(): true | undefined {
    return this.flag(DESCRIBES_CHECKED);
  }
  set describesChecked(value: true | undefined) {
    this.setFlag(DESCRIBES_CHECKED, value);
  }

  /**
   * For a look-alike: the generic words of its entry it makes a look-alike to check with, written
   * before or after it ("cotton" and "face mask" of "cotton face mask", "tissu" and "masque" of
   * "masque en tissu"): apart in one list element they are that look-alike too ("Face masks (cotton)").
   */
  get checksWith(): IndexedTerm[] | undefined {
    return this.details?.checksWith;
  }
  set checksWith(value: IndexedTerm[] | undefined) {
    this.detailed().checksWith = value;
  }

  /** A look-alike that asks for a look under one of its entry's HS codes (`lookalikesUnderCode`: a neck gaiter under 6307.90). */
  get underCode(): true | undefined {
    return this.flag(UNDER_CODE);
  }
  set underCode(value: true | undefined) {
    this.setFlag(UNDER_CODE, value);
  }

  /**
   * For an accessory (`accessories`) or a look-alike of a language that names the thing before what
   * describes it (vi, fr, and the other languages the catalog has words of, es, it, pt, pl...): an
   * accessory may stand right before the good, with no linking word ("hộp đựng khẩu trang",
   * "porte-gel"); a look-alike that goes on from the good's name describes it ("găng tay nitrile |
   * nitrile làm vườn").
   */
  get leads(): true | undefined {
    return this.flag(LEADS);
  }
  set leads(value: true | undefined) {
    this.setFlag(LEADS, value);
  }
}

/** A phrase as its folded words and as the catalog writes them ("phí" of "miễn phí" is not "phi"). */
export type WrittenPhrase = { readonly words: readonly string[]; readonly written: readonly string[] };
export type Negation = WrittenPhrase;

export type IndexedHsCode = { entryId: string; digits: string; strength: HsStrength };

/** The phrases filed under one word; a list is undefined when no phrase is filed there. */
export type WordTerms = {
  /** One-word phrases of the word. */
  readonly single: readonly IndexedTerm[] | undefined;
  /** Phrases of two or more words starting with the word, by their second word. */
  readonly firstTwo: ReadonlyMap<string, readonly IndexedTerm[]> | undefined;
  /**
   * Phrases of two or more words (not brands) starting with the word, by a letter of the second:
   * its first letter or that of its sound key, for a second word written with a typo, as a Telex
   * leftover, in a regional spelling or abbreviated. A catalog with thousands of phrases on one
   * first word (gloves, masks...) is then walked by a few short lists.
   */
  readonly firstLoose: ReadonlyMap<string, readonly IndexedTerm[]> | undefined;
  /**
   * Phrases of two or more words (not brands) whose second word is the word, by a letter of the
   * first: its first letter or that of its sound key: a typo, a Telex leftover or a regional
   * spelling of the first word (găg tay, chang) keeps one of them.
   */
  readonly second: ReadonlyMap<string, readonly IndexedTerm[]> | undefined;
  /** The same by the first word's first letter only, for an abbreviated first word (k/trang, g/tay). */
  readonly initial: ReadonlyMap<string, readonly IndexedTerm[]> | undefined;
};

type Filed = { -readonly [K in keyof WordTerms]: K extends 'single' ? IndexedTerm[] | undefined : Map<string, IndexedTerm[]> | undefined };

/** Everything a description is matched against, built once per catalog snapshot. */
export type MatchIndex = {
  /**
   * The phrases filed under each word, every list of a word found by one lookup: a description word
   * is looked up once, for the phrases it starts and those it is the second word of.
   */
  words: ReadonlyMap<string, WordTerms>;
  /**
   * Initials (and onsets: kh, tr...) of the first words of Vietnamese phrases naming a good (terms
   * and heads), by second word: a first word cut so and glued to the second (gtay, k.trang, khtrang)
   * is read only so, never for English phrases ("mface") nor for qualifiers ("V.Trung" is a name,
   * not vô trùng).
   */
  vietnameseInitials: ReadonlyMap<string, ReadonlySet<string>>;
  /** The same for terms alone: a lone letter ("k trang y tế") is read only as the start of a term of three words or more. */
  vietnameseTermInitials: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every word of every phrase: a description word outside it cannot take part in a match. */
  vocabulary: ReadonlySet<string>;
  /**
   * One-deletion variants of long vocabulary words, for typo candidates: the word itself when one
   * word has the variant, as most do (a list for each would be 4 MB at 10,000 entries).
   */
  deletions: ReadonlyMap<string, string | readonly string[]>;
  fillers: ReadonlySet<string>;
  /**
   * Filler words the catalog has only inside longer fillers ("cá" of "cá nhân"), with those phrases
   * as folded words: such a word is a filler only beside the rest of its phrase.
   */
  phraseFillers: ReadonlyMap<string, readonly (readonly string[])[]>;
  /**
   * Words that deny what follows them ("không phải", "not", "non"), by first folded word: each as
   * its folded words and as the catalog writes them ("phí" of "miễn phí" is not "phi").
   */
  negations: ReadonlyMap<string, readonly Negation[]>;
  /** Words that describe goods (`vague.describers`: trẻ em, cũ, used, kids), by first folded word. */
  describers: ReadonlyMap<string, readonly WrittenPhrase[]>;
  /**
   * Vietnamese fillers the catalog writes only without marks (the "nam" of "Việt Nam"), by folded
   * form: written with Vietnamese marks, such a word is another word ("nấm", mushrooms).
   */
  unmarkedFillers: ReadonlySet<string>;
  /**
   * The folded forms of English and French fillers, each with every form any filler folding to it is
   * written in (lower case, NFC): written with marks none of them has, the word is another one
   * ("lót" is not "lot", "sơn" not "son", "tô" not "to").
   */
  otherFillerForms: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Fillers the catalog writes only with Vietnamese marks, by folded form: their vowels as written
   * without tones (mới → mơi). Written with other vowels, the word is another one ("môi", lips).
   */
  fillerVowels: ReadonlyMap<string, ReadonlySet<string>>;
  /** Vietnamese fillers written with marks, by folded form: the tones the catalog writes them with (`toneOf`). */
  fillerTones: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every Vietnamese filler, a word or a phrase, as the catalog writes it: its written words joined by one space. */
  writtenFillers: ReadonlySet<string>;
  /** Fillers of other languages than Vietnamese of two words or more, as folded words joined by one space ("not restricted"). */
  otherFillerPhrases: ReadonlySet<string>;
  /** Clerks' abbreviations and the words they stand for (gt → găng tay). */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** Abbreviations the catalog writes with a final full stop ("gl."): read only when written with one. */
  dottedAbbreviations: ReadonlySet<string>;
  /**
   * For each abbreviation, the words of the entries that hold what it stands for (their terms,
   * brands, generic words and qualifiers; for Vietnamese words, not the qualifiers). A word before
   * the abbreviation makes it that good only if it is one of these ("surgical msks", "Nước SK"):
   * "Vòng bi NSK" is bearings of a maker, not nước sát khuẩn, though "bi" is a word of a mask's
   * "thiết bị bảo vệ hô hấp". None when no entry holds the words.
   */
  abbreviationNeighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Real words of everyday language, never read as typos of a catalog word. */
  commonWords: ReadonlySet<string>;
  hsCodes: readonly IndexedHsCode[];
  /** The same codes by heading (first four digits), longest first: a declared code meets only its heading's. */
  hsCodesByHeading: ReadonlyMap<string, readonly IndexedHsCode[]>;
  /**
   * By entry, the words its look-alikes add to one of its generic words: "sleep" of "sleep mask",
   * "soin" of "masque de soin"; not of look-alikes that only describe one to check ("cotton").
   */
  lookalikeWords: ReadonlyMap<string, ReadonlySet<string>>;
  entries: ReadonlyMap<string, RestrictedEntry>;
  /**
   * The Chinese characters the entries write their goods with (terms, brands, generic words,
   * qualifiers) and the general wording's: 口, 罩, 手, 套, 医, 消, 毒, 酒, 精, 防, 疫... An unread
   * Chinese word with none of them may be taken as a translation in brackets.
   */
  guardedHan: ReadonlySet<string>;
};

/**
 * Chinese characters the three goods are written with beyond the catalog's own words: masks' 罩
 * (面罩, 护罩) and their materials (无纺布, 熔喷布, 不織布, 3層), alcohols (乙醇, 异丙醇), quaternary
 * ammonium (季铵盐), sprays (喷雾, 噴霧), "dry" of hand rubs (速乾), "disposable" as Taiwan and Hong
 * Kong write it (拋棄式, 即棄), and makers of disinfectant, gloves and masks (滴露, 威露士, 海氏海诺,
 * 蓝帆, 可孚, 振德, 稳健). An unread word with one is never taken as a translation.
 */
const GUARDED_HAN = '罩纺紡織织喷噴層层醇丙铵銨露乾干拋抛棄弃诺諾帆孚振稳穩';

/**
 * Words that link a look-alike's words, saying nothing of what it is: "en" of "masque en tissu",
 * "for" of "ear loops for masks".
 */
const LINKING: ReadonlySet<string> = new Set(['for', 'pour', 'cho', 'with', 'avec', 'of', 'de', 'du', 'des', 'en', 'in', 'bang', 'the', 'la', 'le', 'a']);

/**
 * Files on each look-alike the generic words it makes a look-alike to check with: a name to check
 * cut in two, a generic word and a look-alike, in either order, maybe with a joining word between.
 */
function pairChecked(checked: readonly IndexedTerm[], heads: readonly IndexedTerm[], lookalikes: readonly IndexedTerm[]): void {
  const byWords = (terms: readonly IndexedTerm[]) => new Map(terms.map((t) => [t.tokens.join(' '), t]));
  const headsBy = byWords(heads);
  const lookalikesBy = byWords(lookalikes);
  const pair = (head: IndexedTerm | undefined, lookalike: IndexedTerm | undefined) => {
    if (!head || !lookalike) return;
    const list = (lookalike.checksWith ??= []);
    if (!list.includes(head)) list.push(head);
  };
  for (const c of checked) {
    for (let i = 1; i < c.tokens.length; i++) {
      for (const skip of [0, 1]) {
        if (skip === 1 && (i + 1 >= c.tokens.length || !LINKING.has(c.tokens[i]))) continue;
        const first = c.tokens.slice(0, i).join(' ');
        const second = c.tokens.slice(i + skip).join(' ');
        pair(headsBy.get(first), lookalikesBy.get(second));
        pair(headsBy.get(second), lookalikesBy.get(first));
      }
    }
  }
}

/**
 * The words an entry's look-alikes add to one of its generic words ("sleep" of "sleep mask"), but
 * not of those that only describe a look-alike to check, nor linking words.
 */
function wordsAddedToHeads(heads: readonly IndexedTerm[], lookalikes: readonly IndexedTerm[]): Set<string> {
  const words = new Set<string>();
  const headWords = new Set(heads.flatMap((h) => h.tokens));
  for (const t of lookalikes) {
    if (t.describesChecked === true || !heads.some((h) => indexOfRun(t.tokens, h.tokens) >= 0)) continue;
    for (const w of t.tokens) if (!headWords.has(w) && !LINKING.has(w)) words.add(w);
  }
  return words;
}

/** Where a run of words starts in a longer one, or -1. */
function indexOfRun(words: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return i;
  return -1;
}

/** Chinese, Japanese and Korean name the thing last, as English does: "口罩收纳盒" is a box for masks, "손소독제 홀더" a holder. */
const NAMES_LAST = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** Shortest word that a typo or a glued compound is looked for in. */
export const MIN_FUZZY_LENGTH = 5;
const LANGS: ListLang[] = ['vi', 'en', 'fr', 'other'];
/** A Vietnamese syllable as folded: onset, one to three vowels, a final consonant. */
export const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;
/** Two letters that begin a Vietnamese syllable. */
export const VIETNAMESE_ONSETS: ReadonlySet<string> = new Set(['ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr']);
/** A Vietnamese mark in NFD text: the five tones, the hat, the breve, the horn, and the stroke of đ. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * A word's tone mark ('' for none), with hỏi and ngã as one: they are the tones most often confused
 * in writing ("hủ" for hũ, "nhõ" for nhỏ, "gữi" for gửi), whichever letter carries them ("khoẻ", "khỏe").
 */
export function toneOf(word: string): string {
  const tone = TONE.exec(word.normalize('NFD'))?.[0] ?? '';
  return tone === '\u0303' ? '\u0309' : tone;
}

/** A word as written, lower case, without its tone marks but with its vowels' shapes: mới → mơi, hôp → hôp. */
export function vowelsOf(written: string): string {
  return written.toLowerCase().normalize('NFD').replace(TONES, '').normalize('NFC');
}

/** Letters only Vietnamese writes, of the languages the catalog is in (French has é and è too). */
export const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉĩịọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]/i;
export const VIETNAMESE_MARK = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323\u0111\u0110]/;

const phraseWordsWritten = new WeakMap<IndexedTerm, readonly string[] | null>();

/** A catalog phrase's words as the catalog writes them, with their diacritics. */
export function writtenWordsOf(term: IndexedTerm): readonly string[] | null {
  if (term.tonedTokens) return term.tonedTokens;
  let words = phraseWordsWritten.get(term);
  if (words === undefined) {
    const written = writtenWords(term.text);
    words = written.length === term.tokens.length ? written : null;
    phraseWordsWritten.set(term, words);
  }
  return words;
}

/** Whether the words at `a` and `b`, in one list element, begin a phrase of the catalog. */
export function startsPhrase(index: MatchIndex, tokens: readonly { text: string; segment: number }[], a: number, b: number): boolean {
  return a >= 0 && b < tokens.length && tokens[a].segment === tokens[b].segment && index.words.get(tokens[a].text)?.firstTwo?.has(tokens[b].text) === true;
}

function listOf(lists: TermLists): string[] {
  return LANGS.flatMap((l) => lists[l] ?? []);
}

function tagged(lists: TermLists): [string, ListLang][] {
  return LANGS.flatMap((l) => (lists[l] ?? []).map((t): [string, ListLang] => [t, l]));
}

function compact<T>(map: Map<string, T[]>): void {
  for (const [key, list] of map) if (list.length > 1) map.set(key, list.slice());
}

/** The variants of a word with one letter left out. */
export function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Builds the match index of a catalog: phrases by first word, the vocabulary, typo candidates and
 * HS codes. Cost grows with the catalog's size, once per snapshot; a lookup touches only the
 * phrases that start with a word the description has.
 */
export function buildMatchIndex(
  entries: readonly RestrictedEntry[],
  settings: CatalogSettings,
  commonWords: ReadonlySet<string>,
): MatchIndex {
  const words = new Map<string, Filed>();
  // Every record of one shape, for lookups that stay monomorphic.
  const filed = (word: string): Filed => {
    let record = words.get(word);
    if (!record) words.set(word, (record = { single: undefined, firstTwo: undefined, firstLoose: undefined, second: undefined, initial: undefined }));
    return record;
  };
  const vietnameseInitials = new Map<string, Set<string>>();
  const vietnameseTermInitials = new Map<string, Set<string>>();
  const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // Keyed by strings the description already has, so a lookup builds no key.
  const fileIn = (map: Map<string, IndexedTerm[]> | undefined, key: string, term: IndexedTerm) => {
    const inner = map ?? new Map<string, IndexedTerm[]>();
    push(inner, key, term);
    return inner;
  };
  const vocabulary = new Set<string>();
  const qualifierTerms: IndexedTerm[] = [];
  // Words of other languages are read as written: a slip read as one of them would more often be a
  // word of the languages the line is in ("gluant" is no "guante", "masse" no "Maske").
  const otherLanguageWords = new Set<string>();
  const ownLanguageWords = new Set<string>();
  // Phrases repeat across entries (generic words, qualifiers, look-alikes): each text is read once,
  // its arrays shared by its terms (never changed), and equal words are one string.
  const interned = new Map<string, string>();
  const intern = (word: string) => interned.get(word) ?? (interned.set(word, word), word);
  // Most phrases have no break: they share one empty list. Only a phrase with letters beyond ASCII
  // keeps its lower-case NFC text, for the words as written. A build reads every phrase of the
  // catalog once, and what it keeps of each is garbage when the index is built.
  const noBreaks: number[] = [];
  const readings = new Map<string, { tokens: string[]; joined: string; nfc: string | undefined; breaks: number[]; tonedWords: string[] | undefined }>();
  const read = (text: string) => {
    let reading = readings.get(text);
    if (!reading) {
      const words = normalizeText(text).tokens;
      const tokens: string[] = new Array(words.length);
      let breaks = noBreaks;
      for (let k = 0; k < words.length; k++) {
        tokens[k] = intern(stem(words[k].text));
        if (k > 0 && words[k].segment !== words[k - 1].segment) breaks = breaks === noBreaks ? [k] : (breaks.push(k), breaks);
      }
      const nfc = text.normalize('NFC').toLowerCase().trim();
      reading = { tokens, joined: tokens.join(' '), nfc: /[^\x00-\x7f]/.test(nfc) ? nfc : undefined, breaks, tonedWords: undefined };
      readings.set(text, reading);
    }
    return reading;
  };
  let seq = 0;
  // Kinds of goods are general phrases a describing word completes.
  const kindPhrases = new Set(listOf(settings.vague.kinds ?? {}).map((t) => read(t).joined));
  // General phrases that what they are for never narrows: "Gift for the curator".
  const forSomeonePhrases = new Set(listOf(settings.vague.forSomeone ?? {}).map((t) => read(t).joined));
  // A phrase counts once per entry and kind, by its words. An entry's phrases are added together,
  // so one set of words per kind serves the entry being added.
  let seenFor: string | undefined;
  const seen = new Map<IndexedTerm['kind'], Set<string>>();
  const add = (entryId: string, kind: IndexedTerm['kind'], text: string, lang?: ListLang, toCheck = false) => {
    const reading = read(text);
    const { tokens, nfc } = reading;
    if (tokens.length === 0) return;
    if (seenFor !== entryId) {
      for (const words of seen.values()) words.clear();
      seenFor = entryId;
    }
    let seenOfKind = seen.get(kind);
    if (!seenOfKind) seen.set(kind, (seenOfKind = new Set()));
    if (seenOfKind.has(reading.joined)) return;
    seenOfKind.add(reading.joined);
    const term = new IndexedTerm(entryId, kind, text, tokens, seq++);
    if (toCheck) term.toCheck = true;
    if (kind === 'qualifier') qualifierTerms.push(term);
    if (kind === 'vague' && kindPhrases.has(reading.joined)) term.describable = true;
    if (kind === 'vague' && forSomeonePhrases.has(reading.joined)) term.forSomeone = true;
    if ((kind === 'accessory' || kind === 'lookalike') && (lang === 'vi' || lang === 'fr' || (lang === 'other' && !NAMES_LAST.test(text)))) term.leads = true;
    if (lang === 'other') term.otherLanguage = true;
    if ((kind === 'vague' || kind === 'undisclosed' || kind === 'head') && reading.breaks.length > 0) term.joined = reading.breaks;
    // Folded Vietnamese syllables collide (cồn, con, côn): a one-word phrase keeps its tones.
    // Its word as written: "tặng kèm" folds to one word, "tặng", its list word dropped.
    // Words of other scripts in the Vietnamese lists ("乳胶手套") have no tones.
    const marked = lang === 'vi' && nfc !== undefined && !NAMES_LAST.test(text);
    if (marked && tokens.length === 1) term.toned = writtenWords(nfc)[0];
    // "con rùa tay" is not "rửa tay": generic words are where folded Vietnamese collides most.
    else if (marked && (kind === 'head' || kind === 'qualifier')) {
      reading.tonedWords ??= writtenWords(nfc);
      if (reading.tonedWords.length === tokens.length) term.tonedTokens = reading.tonedWords;
    }
    if (tokens.length === 1) {
      const one = filed(tokens[0]);
      (one.single ??= []).push(term);
    } else {
      const [first, second] = tokens;
      const starts = filed(first);
      starts.firstTwo = fileIn(starts.firstTwo, second, term);
      if (kind !== 'brand') {
        // Filed under the word's first letter and its sound key's, once when they are the same.
        const secondSound = soundInitial(second);
        starts.firstLoose = fileIn(starts.firstLoose, second[0], term);
        if (secondSound !== second[0]) starts.firstLoose = fileIn(starts.firstLoose, secondSound, term);
        // In a longer phrase, a second word's "tr" may lose its t ("khẩu rang y tế").
        if (tokens.length > 2 && second.startsWith('tr') && secondSound !== 'r') starts.firstLoose = fileIn(starts.firstLoose, 'r', term);
        const firstSound = soundInitial(first);
        const follows = filed(second);
        follows.second = fileIn(follows.second, first[0], term);
        if (firstSound !== first[0]) follows.second = fileIn(follows.second, firstSound, term);
        follows.initial = fileIn(follows.initial, first[0], term);
        // Only consonants: a first word opening with a vowel (oxy già) has no initial to cut, and
        // "ở Gia Lai" folds to "o gia".
        if (lang === 'vi' && (kind === 'term' || kind === 'head') && !/^[aeiouy]/.test(first)) {
          addTo(vietnameseInitials, second, first[0]);
          // "kh.trang": the word cut after its onset (kh, ng, tr...).
          if (first.length > 2 && VIETNAMESE_ONSETS.has(first.slice(0, 2))) addTo(vietnameseInitials, second, first.slice(0, 2));
          if (kind === 'term') addTo(vietnameseTermInitials, second, first[0]);
        }
      }
    }
    for (const t of tokens) {
      vocabulary.add(t);
      (lang === 'other' ? otherLanguageWords : ownLanguageWords).add(t);
      if (!entryId || kind === 'lookalike') continue;
      entryWords.add(t);
      if (kind !== 'qualifier') entryNames.add(t);
      if (expansionWords.has(t)) holdsExpansion = true;
    }
    return term;
  };
  const addAll = (entryId: string, kind: IndexedTerm['kind'], lists: TermLists, toCheck = false) => {
    const added: IndexedTerm[] = [];
    for (const l of LANGS) for (const t of lists[l] ?? []) {
      const term = add(entryId, kind, t, l, toCheck);
      if (term) added.push(term);
    }
    return added;
  };
  const abbreviations = new Map<string, string[]>();
  const dottedAbbreviations = new Set<string>();
  // Vietnamese puts what describes a good after it ("KT y tế"): before an abbreviation of Vietnamese
  // words only a word naming its good counts ("Nước SK", "Găng tay PT"), not a qualifier's ("Tay
  // khoan nha khoa NSK" is a maker's handpiece).
  const vietnameseAbbreviations = new Set<string>();
  for (const [short, long] of Object.entries(settings.abbreviations ?? {})) {
    // Written as clerks type them, unstemmed: "glvs" is not "glv".
    const key = normalizeText(short).tokens.map((t) => t.text).join('');
    const words = phraseTokens(long);
    if (key && words.length) abbreviations.set(key, words);
    if (key && short.trim().endsWith('.')) dottedAbbreviations.add(key);
    if (key && VIETNAMESE_LETTER.test(long.normalize('NFC'))) vietnameseAbbreviations.add(key);
  }

  const expansionWords = new Set([...abbreviations.values()].flat());
  const abbreviationNeighbours = new Map<string, Set<string>>();
  // The words of the entry being added (its names' words apart), and whether any of them is an abbreviation's.
  const entryWords = new Set<string>();
  const entryNames = new Set<string>();

  let holdsExpansion = false;
  const lookalikeWords = new Map<string, Set<string>>();
  const guardedHan = new Set<string>();
  for (const e of entries) {
    for (const lists of [e.match.terms, e.match.heads, e.match.qualifiers]) for (const phrase of listOf(lists)) for (const c of hanLettersOf(phrase)) guardedHan.add(c);
    for (const phrase of e.match.brands) for (const c of hanLettersOf(phrase)) guardedHan.add(c);
    entryWords.clear();
    entryNames.clear();
    holdsExpansion = false;
    addAll(e.id, 'term', e.match.terms);
    for (const t of e.match.brands) add(e.id, 'brand', t);
    const heads = addAll(e.id, 'head', e.match.heads);
    addAll(e.id, 'qualifier', e.match.qualifiers);
    const checked = addAll(e.id, 'lookalike', e.match.lookalikesToCheck ?? {}, true);
    const checkedWords = new Set(checked.flatMap((t) => t.tokens));
    for (const t of addAll(e.id, 'lookalike', e.match.lookalikesUnderCode ?? {})) t.underCode = true;
    const lookalikes = addAll(e.id, 'lookalike', e.match.lookalikes);
    for (const t of lookalikes) if (checkedWords.size && t.tokens.every((w) => checkedWords.has(w))) t.describesChecked = true;
    if (checked.length) pairChecked(checked, heads, lookalikes);
    const added = wordsAddedToHeads(heads, lookalikes);
    if (added.size) lookalikeWords.set(e.id, added);
    if (!holdsExpansion) continue;
    for (const [short, long] of abbreviations) {
      if (!long.every((w) => entryWords.has(w))) continue;
      const neighbours = abbreviationNeighbours.get(short) ?? new Set<string>();
      for (const w of vietnameseAbbreviations.has(short) ? entryNames : entryWords) neighbours.add(w);
      abbreviationNeighbours.set(short, neighbours);
    }
  }
  const qualifierEntries = new Map<string, Set<string>>();
  for (const q of qualifierTerms) addTo(qualifierEntries, q.tokens.join(' '), q.entryId);
  for (const q of qualifierTerms) if ((qualifierEntries.get(q.tokens.join(' '))?.size ?? 0) > 1) q.shared = true;
  for (const [t, l] of [...tagged(settings.vague.terms), ...tagged(settings.vague.kinds ?? {}), ...tagged(settings.vague.forSomeone ?? {})]) add('', 'vague', t, l);
  for (const phrase of listOf(settings.vague.terms)) for (const c of hanLettersOf(phrase)) guardedHan.add(c);
  for (const c of GUARDED_HAN) guardedHan.add(c);
  for (const [t, l] of tagged(settings.vague.titles ?? {})) add('', 'title', t, l);
  for (const [t, l] of tagged(settings.vague.undisclosed ?? {})) add('', 'undisclosed', t, l);
  for (const [t, l] of tagged(settings.accessories ?? {})) add('', 'accessory', t, l);
  const fillerPhrases = listOf(settings.vague.fillers).map(phraseTokens);
  const fillers = new Set(fillerPhrases.flat());
  // A filler a look-alike holds ("pack", "kit") says nothing of what the good is.
  for (const words of lookalikeWords.values()) for (const w of words) if (fillers.has(w)) words.delete(w);
  const singleFillers = new Set(fillerPhrases.filter((words) => words.length === 1).map((words) => words[0]));
  const phraseFillers = new Map<string, string[][]>();
  for (const words of fillerPhrases) {
    if (words.length < 2) continue;
    for (const w of new Set(words)) if (!singleFillers.has(w)) push(phraseFillers, w, words);
  }
  const writtenPhrases = (lists: TermLists) => {
    const byFirst = new Map<string, WrittenPhrase[]>();
    for (const phrase of new Set(listOf(lists))) {
      const words = phraseTokens(phrase);
      const written = writtenWords(phrase);
      if (words.length && written.length === words.length) push(byFirst, words[0], { words, written });
    }
    return byFirst;
  };
  const negations = writtenPhrases(settings.vague.negations ?? {});
  const describers = writtenPhrases(settings.vague.describers ?? {});
  // Folded forms some filler writes with marks, or an English or French filler has, stay fillers however written.
  const vietnameseWords = (settings.vague.fillers.vi ?? []).flatMap((f) => f.split(/\s+/));
  const markedForms = new Set(vietnameseWords.filter((w) => VIETNAMESE_MARK.test(w.normalize('NFD'))).flatMap(phraseTokens));
  const otherForms = new Set([...(settings.vague.fillers.en ?? []), ...(settings.vague.fillers.fr ?? []), ...(settings.vague.fillers.other ?? [])].flatMap(phraseTokens));
  const unmarkedWords = vietnameseWords.filter((w) => !VIETNAMESE_MARK.test(w.normalize('NFD')));
  const unmarkedFillers = new Set(unmarkedWords.flatMap(phraseTokens).filter((w) => !markedForms.has(w) && !otherForms.has(w)));
  const otherFillerForms = new Map<string, Set<string>>();
  for (const filler of listOf(settings.vague.fillers)) {
    const words = writtenWords(filler);
    const folded = phraseTokens(filler);
    if (words.length !== folded.length) continue;
    for (let i = 0; i < folded.length; i++) if (otherForms.has(folded[i])) addTo(otherFillerForms, folded[i], words[i]);
  }
  // Only a form no unmarked, English or French filler shares is read by its vowels.
  const unmarkedFirsts = new Set(unmarkedWords.map((w) => phraseTokens(w)[0]));
  const fillerVowels = new Map<string, Set<string>>();
  const fillerTones = new Map<string, Set<string>>();
  for (const w of vietnameseWords) {
    const [folded] = phraseTokens(w);
    if (!folded) continue;
    if (VIETNAMESE_MARK.test(w.normalize('NFD'))) addTo(fillerTones, folded, toneOf(w));
    if (markedForms.has(folded) && !otherForms.has(folded) && !unmarkedFirsts.has(folded)) addTo(fillerVowels, folded, vowelsOf(w));
  }
  const writtenFillers = new Set((settings.vague.fillers.vi ?? []).map((f) => writtenWords(f).join(' ')));
  const otherFillerPhrases = new Set(
    Object.entries(settings.vague.fillers)
      .filter(([language]) => language !== 'vi')
      .flatMap(([, list]) => (list ?? []).map(phraseTokens).filter((words) => words.length > 1).map((words) => words.join(' '))),
  );
  const deletions = new Map<string, string | string[]>();
  for (const word of vocabulary) {
    if (word.length < MIN_FUZZY_LENGTH || /\d/.test(word) || (otherLanguageWords.has(word) && !ownLanguageWords.has(word))) continue;
    for (const key of [word, ...deletionsOf(word)]) {
      const known = deletions.get(key);
      if (known === undefined) deletions.set(key, word);
      else if (typeof known === 'string') {
        if (known !== word) deletions.set(key, [known, word]);
      } else if (!known.includes(word)) known.push(word);
    }
  }

  const hsCodes: IndexedHsCode[] = entries.flatMap((e) =>
    e.hsCodes.map((h) => ({ entryId: e.id, digits: parseHsCode(h.code) ?? h.code.replace(/\D/g, ''), strength: h.strength })),
  );
  // Longest first: a specific national code speaks before its broader heading.
  hsCodes.sort((a, b) => b.digits.length - a.digits.length);
  const hsCodesByHeading = new Map<string, IndexedHsCode[]>();
  for (const h of hsCodes) push(hsCodesByHeading, h.digits.slice(0, 4), h);

  // A list that grew by push keeps room for more (17 slots for 2 terms); at 10,000 entries the
  // index holds about 100,000 lists, so each is copied to its exact length once built.
  for (const [key, known] of deletions) if (typeof known !== 'string' && known.length > 2) deletions.set(key, known.slice());
  for (const record of words.values()) {
    if (record.single && record.single.length > 1) record.single = record.single.slice();
    for (const map of [record.firstTwo, record.firstLoose, record.second, record.initial]) if (map) compact(map);
  }

  return {
    words,
    vietnameseInitials,
    vietnameseTermInitials,
    vocabulary,
    deletions,
    fillers,
    phraseFillers,
    negations,
    describers,
    unmarkedFillers,
    otherFillerForms,
    fillerVowels,
    fillerTones,
    writtenFillers,
    otherFillerPhrases,
    abbreviations,
    dottedAbbreviations,
    abbreviationNeighbours,
    commonWords,
    guardedHan,
    hsCodes,
    hsCodesByHeading,
    lookalikeWords,
    entries: new Map(entries.map((e) => [e.id, e])),
  };
}

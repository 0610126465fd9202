import { findHits, withinOneEdit } from '../../src/screening/find-hits';
import { analyzeItem, type ItemAnalysis } from '../../src/screening/match-item';
import { buildMatchIndex, type MatchIndex } from '../../src/screening/match-index';
import { normalizeText } from '../../src/screening/normalize';
import { resolveTokens } from '../../src/screening/resolve-tokens';
import type { CatalogSettings, RestrictedEntry, Rule } from '../../src/screening/types';

// The matcher on a small catalog of its own, so that these behaviours do not move with the bundled data.
const RULE: Rule = {
  id: 'letter',
  action: 'reject',
  scope: { origin: { countries: ['VN'] }, destination: { except: ['VN'] }, events: ['acceptance', 'dispatch'] },
  effective: { from: '2020-02-01', to: null },
  legalBasis: [{ kind: 'letter', number: '1', date: '2020-02-03', issuer: { vi: 'x', en: 'x' }, title: { vi: 'x', en: 'x' } }],
  exemptions: [],
};

const entry = (id: string, match: Partial<RestrictedEntry['match']>, hsCodes: RestrictedEntry['hsCodes']): RestrictedEntry => ({
  id,
  names: { vi: id, en: id, fr: id },
  match: { terms: {}, brands: [], heads: {}, qualifiers: {}, lookalikes: {}, ...match },
  hsCodes,
  rules: [RULE],
});

const ENTRIES: RestrictedEntry[] = [
  entry(
    'masks',
    {
      terms: { vi: ['khẩu trang y tế'], en: ['surgical mask', 'medical mask', 'n95', 'kn95'], other: ['医用口罩'] },
      brands: ['3m 1860'],
      heads: { vi: ['khẩu trang'], en: ['mask'], other: ['口罩'] },
      qualifiers: { vi: ['y tế', '4 lớp'], en: ['medical', 'surgical', 'disposable'], other: ['一次性'] },
      lookalikes: { vi: ['mặt nạ dưỡng da'], en: ['sheet mask', 'nokia n95', 'nokia', 'halloween'] },
    },
    [
      { code: '6307.90.40', strength: 'decisive' },
      { code: '6307.90', strength: 'indicative' },
    ],
  ),
  entry(
    'disinfectants',
    {
      terms: { vi: ['nước sát khuẩn', 'cồn 70 độ'], en: ['hand sanitizer', 'surgical spirit'] },
      heads: { vi: ['cồn', 'xịt kháng khuẩn'], en: ['alcohol'] },
      qualifiers: { vi: ['70 độ', 'y tế'], en: ['hand', 'medical'] },
      lookalikes: { vi: ['không cồn', 'rượu', 'xịt khoáng'], en: ['alcohol free', 'alcohol-free', 'spirits'] },
    },
    [{ code: '3808.94', strength: 'decisive' }],
  ),
  entry(
    'gloves',
    {
      terms: { vi: ['găng tay y tế'], en: ['nitrile gloves', 'medical gloves'] },
      heads: { vi: ['găng tay', 'bảo hộ tay'], en: ['gloves'] },
      qualifiers: { vi: ['y tế'], en: ['medical', 'nitrile'] },
      lookalikes: { vi: ['làm vườn', 'tủ hàng', 'bảo hộ'], en: ['gardening', 'boxing', 'glove box'] },
    },
    [
      { code: '4015.11', strength: 'decisive' },
      { code: '4015.19', strength: 'indicative' },
    ],
  ),
];

const SETTINGS: CatalogSettings = {
  jurisdiction: { country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', name: { vi: 'Việt Nam', en: 'Viet Nam' } },
  scoring: {
    thresholds: { reject: 0.8, review: 0.5 },
    weights: { term: 1, brand: 0.95, qualifiedHead: 0.9, head: 0.6, hsDecisive: 0.9, hsIndicative: 0.6, fuzzyPenalty: 0.9 },
  },
  vague: {
    terms: {
      vi: ['quà tặng', 'hàng mẫu', 'sản phẩm', 'hàng hóa', 'vật tư y tế', 'tặng kèm', 'xả kho'],
      en: ['gift', 'sample', 'goods', 'medical supplies', 'bits and pieces'],
      fr: ['produits de santé et de beauté'],
    },
    fillers: { vi: ['cho', 'mẹ', 'hộp', 'cái', 'ml', 'việt nam', 'cũ', 'bé', 'trong'], en: ['for', 'my', 'mom', 'box', 'pcs', 'used', 'kids'] },
    titles: { vi: ['sách'], en: ['book'] },
    undisclosed: { en: ['mystery box', 'odds & ends'] },
    kinds: { vi: ['quần áo'], en: ['clothes'] },
    describers: { vi: ['cũ', 'bé'], en: ['used', 'kids'] },
  },
};

const COMMON = new Set(['cloves', 'marks', 'shirt']);
let index: MatchIndex;
beforeAll(() => {
  index = buildMatchIndex(ENTRIES, SETTINGS, COMMON);
});

const analyze = (description: string, hs?: string): ItemAnalysis => analyzeItem(index, SETTINGS.scoring, description, hs);
/** The strongest signal per entry, as [entryId, score, kind, evidence]. */
const signals = (a: ItemAnalysis) => a.signals.map((s) => [s.entryId, s.score, s.kind, s.evidence]);

describe('findHits: catalog phrases in a description', () => {
  const hitsOf = (description: string) => {
    const tokens = resolveTokens(index, normalizeText(description).tokens, description);
    return findHits(index, description, tokens)
      .map((h) => [h.term.entryId, h.term.kind, h.term.text, h.from, h.to, h.segment])
      .sort((a, b) => String(a).localeCompare(String(b)));
  };

  it('a term, the head inside it and its qualifier, each with its span', () => {
    expect(hitsOf('Khẩu trang y tế')).toEqual(
      [
        ['masks', 'term', 'khẩu trang y tế', 0, 4, 0],
        ['masks', 'head', 'khẩu trang', 0, 2, 0],
        ['masks', 'qualifier', 'y tế', 2, 4, 0],
        ['disinfectants', 'qualifier', 'y tế', 2, 4, 0],
        ['gloves', 'qualifier', 'y tế', 2, 4, 0],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
  });

  it('list elements are segments: a head in one and a good in the next', () => {
    const hits = hitsOf('Áo thun, găng tay');
    expect(hits).toEqual([['gloves', 'head', 'găng tay', 2, 4, 1]]);
  });

  it('a phrase never spans two list elements', () => {
    expect(hitsOf('khẩu trang, y tế').filter((h) => h[1] === 'term')).toEqual([]);
  });

  it('a phrase broken one word to a line or a slash is read whole, the last line going on', () => {
    const terms = (d: string) => hitsOf(d).filter((h) => h[1] === 'term').map((h) => h[2]);
    expect(terms('Khẩu\ntrang\ny tế 3 lớp')).toEqual(['khẩu trang y tế']);
    expect(terms('khẩu / trang / y tế')).toEqual(['khẩu trang y tế']);
    // Two words on the first line are a good of their own: a list, not one phrase.
    expect(terms('Khẩu trang\ny tế dụng cụ')).toEqual([]);
    expect(terms('Khẩu trang / y tế dụng cụ')).toEqual([]);
    // A comma parts the list whatever the words.
    expect(terms('Khẩu,\ntrang y tế')).toEqual([]);
  });

  it('one typo in a phrase of several words, as long as another word is exact', () => {
    expect(hitsOf('găg tay y tế').filter((h) => h[1] === 'term')).toEqual([['gloves', 'term', 'găng tay y tế', 0, 4, 0]]);
  });

  it('the second word loose (typo, Telex leftover, regional initial, abbreviation) while the first is exact', () => {
    const terms = (d: string) => hitsOf(d).filter((h) => h[1] === 'term').map((h) => h[2]);
    expect(terms('găng tay y tês')).toEqual(['găng tay y tế']);
    expect(terms('khẩu chang y tế')).toEqual(['khẩu trang y tế']);
    expect(terms('nitrile glovse')).toEqual(['nitrile gloves']);
    expect(terms('khẩu t. y tế')).toEqual(['khẩu trang y tế']);
    expect(terms('găng tai y tế')).toEqual(['găng tay y tế']);
    // A word written with marks of its own, not the phrase word's, is another word: "cuộn" (a roll)
    // is not "cồn"; written without marks it may be a slip.
    expect(terms('cuộn 70 độ')).toEqual([]);
    expect(terms('cuon 70 do')).toEqual(['cồn 70 độ']);
    // The first word of a Vietnamese phrase cut to its initial and glued to the second, by a dot or nothing.
    expect(terms('k.trang y tế')).toEqual(['khẩu trang y tế']);
    expect(terms('ktrang y te')).toEqual(['khẩu trang y tế']);
    expect(terms('gtay y tế')).toEqual(['găng tay y tế']);
    // A doubled letter, or the phrase's first word already there, is a slip on the second word.
    expect(terms('khẩu ttrang y tế')).toEqual(['khẩu trang y tế']);
    // The initial stands for the word its rest follows, no other: the g of "gtay" is no "gloves".
    expect(terms('medical gtay')).toEqual([]);
    // Cut after its onset (kh), or a lone consonant before the rest of a term.
    expect(terms('kh.trang y tế')).toEqual(['khẩu trang y tế']);
    expect(terms('g tay y tế')).toEqual(['găng tay y tế']);
    expect(hitsOf('nhẫn chữ g tay')).toEqual([]);
    expect(terms('G TAY Y TẾ')).toEqual(['găng tay y tế']);
    expect(hitsOf('xà bông 100 g tay y tế').filter((h) => h[1] === 'term')).toEqual([]);
    expect(hitsOf('Quà cho Kh.Trang')).toEqual([]);
    // Not after a number ("500 g") or a size ("size M"), not in English,
    // not the start of a Vietnamese syllable.
    expect(hitsOf('500 g tay')).toEqual([]);
    expect(hitsOf('size g tay')).toEqual([]);
    expect(terms('size m medical mask')).toEqual(['medical mask']);
    expect(hitsOf('mface mask').filter((h) => h[1] === 'term')).toEqual([]);
    // "t(ủ) hàng" is a phrase here, but "thang" is a syllable of its own.
    expect(hitsOf('thang')).toEqual([]);
    // A brand takes no loose word at all.
    expect(hitsOf('3m 1680').filter((h) => h[1] === 'brand')).toEqual([]);
  });

  it('a phrase filed under two letters of its second word is tried once (trang: t, and c as in chang)', () => {
    for (const d of ['khau trag y te', 'khau tr. y te', 'khẩu trang y tế']) {
      const terms = hitsOf(d).filter((h) => h[1] === 'term');
      expect({ d, terms }).toEqual({ d, terms: [['masks', 'term', 'khẩu trang y tế', 0, 4, 0]] });
    }
  });

  it('hits at one position come in catalog order, whichever list found them', () => {
    const tokens = resolveTokens(index, normalizeText('khẩu trang y tế').tokens, 'khẩu trang y tế');
    const seqs = findHits(index, 'khẩu trang y tế', tokens).filter((h) => h.from === 0).map((h) => h.term.seq);
    expect(seqs.length).toBeGreaterThan(1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('a one-word Vietnamese phrase keeps its tones: "con" is not "cồn"', () => {
    expect(hitsOf('Gấu bông cho con')).toEqual([]);
    expect(hitsOf('Chai cồn')).toEqual([['disinfectants', 'head', 'cồn', 1, 2, 0]]);
  });

  it.each([
    ['the same word', 'gloves', 'gloves', true],
    ['one substitution', 'glaves', 'gloves', true],
    ['one deletion', 'gloes', 'gloves', true],
    ['one insertion', 'glovves', 'gloves', true],
    ['two neighbours swapped', 'glvoes', 'gloves', true],
    ['two edits', 'glaes', 'gloves', false],
    ['length differs by two', 'glo', 'gloves', false],
  ])('withinOneEdit: %s', (_name, a, b, want) => {
    expect(withinOneEdit(a, b)).toBe(want);
  });
});

describe('resolveTokens: a run of Chinese or Japanese written whole', () => {
  const pieces = (description: string) => resolveTokens(index, normalizeText(description).tokens, description).map((t) => [t.text, description.slice(t.start, t.end)]);

  it('is cut at the catalog words in it, longest first, each piece with its own span', () => {
    expect(pieces('一次性使用医用口罩')).toEqual([
      ['一次性', '一次性'],
      ['使用', '使用'],
      ['医用口罩', '医用口罩'],
    ]);
    expect(pieces('使用医用口罩')).toEqual([
      ['使用', '使用'],
      ['医用口罩', '医用口罩'],
    ]);
  });

  it('in traditional characters too, and a qualifier in the run counts as a word beside the generic one', () => {
    expect(signals(analyze('一次性醫用口罩'))).toEqual([['masks', 1, 'term', 'description']]);
    expect(signals(analyze('一次性口罩'))).toEqual([['masks', 0.9, 'head', 'description']]);
  });

  it('stays whole, and unread, when no catalog word is in it', () => {
    expect(pieces('收纳盒')).toEqual([['收纳盒', '收纳盒']]);
    expect(analyze('收纳盒').unread).toEqual(['收纳盒']);
  });

  it('is read when every piece of it is a catalog word, and quoted as unread when a piece is left over', () => {
    expect(analyze('一次性医用口罩').unread).toEqual([]);
    // 使用 is in no phrase: the clerk is told, though the mask is read.
    expect(analyze('一次性使用医用口罩').unread).toEqual(['一次性使用医用口罩']);
    expect(signals(analyze('一次性使用医用口罩'))).toEqual([['masks', 1, 'term', 'description']]);
  });
});

describe('analyzeItem: what a description says about each entry', () => {
  const cases: [string, { given: [string, string?]; want: { signals: unknown[]; vague?: boolean; lookalikes?: string[] } }][] = [
    ['a term names the good', { given: ['Khẩu trang y tế 4 lớp'], want: { signals: [['masks', 1, 'term', 'description']] } }],
    ['a brand names the good', { given: ['3M 1860 respirators'], want: { signals: [['masks', 0.95, 'brand', 'description']] } }],
    ['a head alone is weak', { given: ['Khẩu trang'], want: { signals: [['masks', 0.6, 'head', 'description']] } }],
    // Hỏi and ngã are one tone to a phrase's word.
    ['a generic word with ngã for hỏi', { given: ['Khẫu trang'], want: { signals: [['masks', 0.6, 'head', 'description']] } }],
    ['a head with a qualifier in its list element', { given: ['mask, disposable'], want: { signals: [['masks', 0.9, 'head', 'description']] } }],
    ['look-alikes beat heads: sheet mask', { given: ['Sheet mask 10 pcs'], want: { signals: [], lookalikes: ['masks'] } }],
    ['look-alikes beat heads: Halloween mask', { given: ['Halloween mask'], want: { signals: [], lookalikes: ['masks'] } }],
    ['look-alikes beat heads: gardening gloves', { given: ['Gardening gloves'], want: { signals: [], lookalikes: ['gloves'] } }],
    ['a look-alike beats the good it holds: a glove box', { given: ['Glove box organizer'], want: { signals: [], lookalikes: ['gloves'] } }],
    ['not a good named before it: a box of nitrile gloves', { given: ['Nitrile gloves box of 100'], want: { signals: [['gloves', 1, 'term', 'description']] } }],
    ['a look-alike in another list element does not clear a head', { given: ['Halloween costume, mask'], want: { signals: [['masks', 0.6, 'head', 'description']], lookalikes: [] } }],
    ['"không cồn" is not alcohol', { given: ['Kem dưỡng da không cồn'], want: { signals: [], lookalikes: ['disinfectants'] } }],
    ['"cồn 70 độ" is', { given: ['Cồn 70 độ 500ml'], want: { signals: [['disinfectants', 1, 'term', 'description']] } }],
    ['alcohol-free hand cream', { given: ['Alcohol-free hand cream'], want: { signals: [], lookalikes: ['disinfectants'] } }],
    ['Nokia N95 is a phone', { given: ['Nokia N95 điện thoại cũ'], want: { signals: [], lookalikes: ['masks'] } }],
    ['N95 alone is a respirator', { given: ['N95 20 pcs'], want: { signals: [['masks', 1, 'term', 'description']] } }],
    ['two goods in one description', { given: ['Găng tay y tế và nước sát khuẩn'], want: { signals: [['disinfectants', 1, 'term', 'description'], ['gloves', 1, 'term', 'description']] } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const a = analyze(...given);
    expect(signals(a).sort()).toEqual([...want.signals].sort());
    if (want.vague !== undefined) expect(a.vague).toBe(want.vague);
    if (want.lookalikes) expect([...new Set(a.lookalikes.map((l) => l.entryId))]).toEqual(want.lookalikes);
  });

  it('the matched text is the span as the sender wrote it', () => {
    const [s] = analyze('2 hộp KHẨU TRANG Y TẾ 4 lớp').signals;
    expect({ matchedText: s.matchedText, term: s.term, fuzzy: s.fuzzy }).toEqual({ matchedText: 'KHẨU TRANG Y TẾ', term: 'khẩu trang y tế', fuzzy: false });
  });
});

describe('analyzeItem: HS codes, decisive and indicative', () => {
  const cases: [string, { given: [string, string]; want: { signals: unknown[]; conflict?: boolean } }][] = [
    ['a decisive code with a vague description', { given: ['Sản phẩm', '63079040'], want: { signals: [['masks', 0.9, 'hs', 'hsCode']] } }],
    ['an indicative code with a vague description', { given: ['Hàng hóa', '630790'], want: { signals: [['masks', 0.6, 'hs', 'hsCode']] } }],
    ['a declared code broader than a decisive one is only indicative', { given: ['Sản phẩm', '6307'], want: { signals: [['masks', 0.6, 'hs', 'hsCode']] } }],
    ['a decisive code next to another good is a conflict', { given: ['Áo sơ mi', '63079040'], want: { signals: [['masks', 0.6, 'hs', 'hsCode']], conflict: true } }],
    // A general medical list element asks for a look, but the named good beside it still stands
    // against the code.
    ['a decisive code next to a good and general medical wording', { given: ['Áo sơ mi, vật tư y tế', '63079040'], want: { signals: [['masks', 0.6, 'hs', 'hsCode']], conflict: true } }],
    ['an indicative code next to another good yields to the description', { given: ['Lá cờ Việt Nam', '630790'], want: { signals: [] } }],
    ['a term and its decisive code', { given: ['Khẩu trang y tế', '63079040'], want: { signals: [['masks', 1, 'term', 'description+hsCode']] } }],
    ['a head lifted by its decisive code', { given: ['Khẩu trang', '63079040'], want: { signals: [['masks', 0.9, 'head', 'description+hsCode']] } }],
    ['a head with an indicative code stays a head', { given: ['Khẩu trang', '630790'], want: { signals: [['masks', 0.6, 'head', 'description+hsCode']] } }],
    ['a code of another chapter', { given: ['Sản phẩm', '61091000'], want: { signals: [] } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const a = analyze(...given);
    expect(signals(a)).toEqual(want.signals);
    if (want.conflict !== undefined) expect(a.signals[0].hsConflict).toBe(want.conflict);
  });
});

describe('analyzeItem: descriptions too vague to screen', () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ['quà tặng', { given: 'quà tặng', want: true }],
    ['gift for my mom', { given: 'gift for my mom', want: true }],
    ['goods, 2 box', { given: 'goods, 2 box', want: true }],
    ['numbers and units only', { given: '2 hộp 500ml', want: true }],
    ['a price in dollars names no good', { given: 'gift $25', want: true }],
    ['Hàng hóa without diacritics', { given: 'hang hoa', want: true }],
    ['a named good is not vague', { given: 'Áo sơ mi', want: false }],
    ['a vague word next to a good is not vague', { given: 'quà tặng: khẩu trang y tế', want: false }],
    // A filler is read by its marks: "nấm" (mushrooms) folds to the "nam" of "Việt Nam" but is no
    // filler; a slip on the marks of a filler the catalog writes with marks ("hôp") is still one.
    ['a marked word folding to an unmarked filler', { given: 'Nấm 2 hộp', want: false }],
    ['the unmarked filler itself', { given: 'quà tặng Việt Nam 2 hộp', want: true }],
    // General wording's syllable written without marks ("kho" of "xả kho", a clearance sale) is no
    // word written with them: "Sả khô" is dried lemongrass, though s and x are one in the North.
    ['general wording as a region writes it', { given: 'Sả kho', want: true }],
    ['a marked word where general wording has none', { given: 'Sả khô', want: false }],
    // A hashtag tags the post: one the catalog reads nothing in names no good, one it reads is read.
    ['general wording with a hashtag of nothing the catalog reads', { given: 'quà tặng #happybirthday #love', want: true }],
    ['general wording with a hashtag naming a good', { given: 'quà tặng #khautrangyte', want: false }],
    ['a good named beside hashtags', { given: 'Áo sơ mi #handmade #love', want: false }],
    ['a slip on the marks of a filler', { given: 'quà tặng cho mẽ 2 hôp', want: true }],
    // An order or tracking number names no good; a model number is a name.
    ['an order number', { given: 'gift, 2 box, #SPX20200205', want: true }],
    ['a model number', { given: 'H910V 2 box', want: false }],
    ['fillers without marks', { given: 'qua tang cho me 2 hop', want: true }],
    // Beside a named good, a list element of general medical wording still hides what it holds.
    ['medical wording as a list element', { given: 'Cà phê, vật tư y tế', want: true }],
    ['medical wording after "and"', { given: 'dried fruit and medical supplies', want: true }],
    ['general wording of no medical kind beside a good', { given: 'Cà phê, quà tặng', want: false }],
    ['general medical wording heading a list names its good after the colon', { given: 'Vật tư y tế: áo thun', want: false }],
    ['a qualifier two goods share says whom general wording is for', { given: 'sample for medical', want: true }],
    ['a qualifier after a general phrase says what it is for', { given: 'Sản phẩm 70 độ', want: true }],
    ['a qualifier of one good before it names a kind', { given: 'Hand goods', want: false }],
    ['general medical wording heading only quantities', { given: 'Vật tư y tế: 5 hộp, áo thun', want: true }],
    ['a SKU alone', { given: 'SK-2231', want: true }],
    ['contents not described', { given: 'Mystery box, 5 hộp', want: true }],
    ['contents not described, whatever another list element names', { given: 'Mystery box, áo thun', want: true }],
    ['contents not described heading the goods named after its colon', { given: 'Mystery box: áo thun', want: false }],
    // A general phrase the catalog writes with a list word reads across the break that word makes.
    ['a general phrase written with "and"', { given: 'Odds and ends', want: true }],
    ['a general phrase written with "&"', { given: 'bits & pieces', want: true }],
    ['a general phrase written with "et"', { given: 'Produits de santé et de beauté', want: true }],
    ['a good before a general phrase with "and" names it', { given: 'Lego bits and pieces', want: false }],
    ['a general phrase with "and" does not read across a comma', { given: 'Bits, pieces', want: false }],
    ['a list with "and" of goods the catalog has no phrase for', { given: 'Salt and pepper', want: false }],
    // "tặng kèm" folds to one word, its list word dropped: that word is read by its own marks.
    ['a one-word phrase written with a list word', { given: 'Tặng kèm', want: true }],
    ['the same letters with other marks', { given: 'Tầng', want: false }],
    ['a label before quantities heads a list, it names no title', { given: 'Book: 2, khẩu trang: 10 hộp', want: false }],
    ['medical wording inside an element naming a good', { given: 'Tủ đựng vật tư y tế', want: false }],
    // A kind of goods is general wording alone, but a describing word in its list element makes a description.
    ['a kind of goods alone', { given: 'Quần áo', want: true }],
    ['a kind of goods with fillers only', { given: 'clothes for my mom, 2 box', want: true }],
    ['a kind of goods described by their state', { given: 'Quần áo cũ 2 hộp', want: false }],
    ['a kind of goods described, typed without marks', { given: 'QUAN AO CU', want: false }],
    ['a describing word written with other marks is another word', { given: 'Quần áo củ', want: true }],
    ['a kind of goods described by whom they are for', { given: 'Quần áo cho bé', want: false }],
    ['a kind of goods described in English', { given: 'used clothes', want: false }],
    ['a describing word in another list element describes nothing', { given: 'clothes, kids', want: true }],
    ['a describing word beside general wording that is no kind of goods', { given: 'gift for kids', want: true }],
    ['a describing word past "for my"', { given: 'clothes for my kids', want: false }],
    ['a describing word away from the kind describes something else', { given: 'Quần áo trong hộp bé', want: true }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const a = analyze(given);
    expect(a.vague).toBe(want);
  });

  it('a vague description gives no signal of its own', () => {
    expect(analyze('quà tặng cho mẹ').signals).toEqual([]);
  });
});

describe('analyzeItem: senders writing around the screen', () => {
  const cases: [string, { given: string; want: { entryId: string; fuzzy: boolean } }][] = [
    ['no diacritics', { given: 'khau trang y te', want: { entryId: 'masks', fuzzy: false } }],
    ['decomposed Unicode (NFD)', { given: 'Khẩu trang y tế'.normalize('NFD'), want: { entryId: 'masks', fuzzy: false } }],
    ['zero-width characters inside words', { given: 'kh\u200bẩu tr\u200cang y t\u200dế', want: { entryId: 'masks', fuzzy: false } }],
    ['zero-width spaces and word joiners between words', { given: 'găng\u200btay\u2060y\ufefftế', want: { entryId: 'gloves', fuzzy: false } }],
    ['a glued phrase with letters after it, as a hashtag writes it', { given: '#khautrangytechinhhang', want: { entryId: 'masks', fuzzy: true } }],
    ['dotted letters', { given: 'k.h.ẩ.u t.r.a.n.g y t.ế', want: { entryId: 'masks', fuzzy: false } }],
    ['a word split by a stray space', { given: 'khẩu tr ang y tế', want: { entryId: 'masks', fuzzy: false } }],
    ['a term written backwards, word by word', { given: 'tế y trang khẩu 2 hộp', want: { entryId: 'masks', fuzzy: true } }],
    ['words cut by emojis', { given: 'Kh😷ẩu Tr😷ang Y T😷ế', want: { entryId: 'masks', fuzzy: false } }],
    ['a word cut in three by emojis', { given: 'hand san🧴iti🧴zer', want: { entryId: 'disinfectants', fuzzy: false } }],
    ['a model cut by an emoji', { given: 'KN9😷5 20 pcs', want: { entryId: 'masks', fuzzy: false } }],
    ['a spaced-out word with a stray wider space', { given: 'k h  ẩ u t r a n g y t ế', want: { entryId: 'masks', fuzzy: true } }],
    ['spaced-out words apart by wider spaces', { given: 'm a s k   K N 9 5', want: { entryId: 'masks', fuzzy: true } }],
    ['spaced letters', { given: 'm e d i c a l   m a s k', want: { entryId: 'masks', fuzzy: true } }],
    ['Cyrillic look-alike letters', { given: 'm\u0435dic\u0430l m\u0430sk', want: { entryId: 'masks', fuzzy: false } }],
    ['a Cyrillic К in KN95', { given: '\u041aN95', want: { entryId: 'masks', fuzzy: false } }],
    ['full-width letters', { given: 'ＫＮ９５', want: { entryId: 'masks', fuzzy: false } }],
    ['digits for letters', { given: 'n1tr1le gl0ves', want: { entryId: 'gloves', fuzzy: true } }],
    ['a typo', { given: 'hand sanitzer', want: { entryId: 'disinfectants', fuzzy: true } }],
    ['VNI keys left in (tone digits after vowels or at the end)', { given: 'kha6u3 trang y te61', want: { entryId: 'masks', fuzzy: true } }],
    ['VNI keys with horns and a final tone', { given: 'nu7o71c sa1t khua6n3', want: { entryId: 'disinfectants', fuzzy: true } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const [s] = analyze(given).signals;
    expect({ entryId: s?.entryId, fuzzy: s?.fuzzy }).toEqual(want);
    expect(s.score).toBeGreaterThanOrEqual(SETTINGS.scoring.thresholds.reject);
  });

  it('words written backwards with other marks, or none, are other words', () => {
    for (const given of ['tế y trang khâu', 'te y trang khau']) expect(analyze(given).signals.filter((x) => x.score >= SETTINGS.scoring.thresholds.reject)).toEqual([]);
  });

  it('digits for letters and a typo on top only when few letters were digits: H910V is a model, not "gloves"', () => {
    expect(analyze('H910V').signals).toEqual([]);
    expect(analyze('gl0vez').signals.map((s) => s.entryId)).toEqual(['gloves']);
  });

  it('a look-alike beats what it overlaps, but not a longer phrase naming the good', () => {
    expect(analyze('whisky spirits').signals).toEqual([]);
    expect(analyze('surgical spirit 500ml').signals.map((s) => [s.entryId, s.kind])).toEqual([['disinfectants', 'term']]);
    // "bảo hộ" (work wear) does not undo "bảo hộ tay", nor stands beside it as a look-alike: with a qualifier it is refused.
    expect(signals(analyze('bảo hộ tay y tế'))).toEqual([['gloves', 0.9, 'head', 'description']]);
    // A look-alike read loosely inside a longer phrase is no reading at all: "xịt kháng" is not "xịt khoáng".
    expect(signals(analyze('chai xịt kháng khuẩn, 100ml'))).toEqual([['disinfectants', 0.6, 'head', 'description']]);
    expect(signals(analyze('găng tay bảo hộ'))).toEqual([]);
  });

  it('a generic word written with other marks only asks for a look, beside a qualifier: "kháu trang 4 lớp"', () => {
    expect(signals(analyze('kháu trang 4 lớp'))).toEqual([['masks', 0.54, 'head', 'description']]);
    expect(analyze('kháu trang').signals).toEqual([]);
  });

  it('in the title of a publication, restricted words name a subject: a look at most', () => {
    const read = (d: string) => signals(analyze(d)).map(([entryId, score, kind]) => [entryId, score, kind]);
    expect(read('Book: Surgical Masks in Hospitals')).toEqual([['masks', 0.6, 'term']]);
    expect(read('sách khẩu trang y tế')).toEqual([['masks', 0.6, 'term']]);
    // A label after the goods is read as describing them (printed masks, masks "as per catalog"):
    // the reading that errs to the goods.
    expect(read('surgical mask book')).toEqual([['masks', 1, 'term']]);
    expect(read('khẩu trang y tế in sách')).toEqual([['masks', 1, 'term']]);
    // Quantities before a label leave it the head of its element.
    expect(read('2 sách khẩu trang y tế')).toEqual([['masks', 0.6, 'term']]);
    // A label before quantities heads a list: the masks after it are no title.
    expect(read('Book: 2, surgical mask: 10')).toEqual([['masks', 1, 'term']]);
    // A generic word alone in a title names nothing to look at: "The Mask" on a book.
    expect(read('Book: The Mask')).toEqual([]);
    // A book in another list element, without a colon, leaves the rest alone.
    expect(read('sách, khẩu trang y tế')).toEqual([['masks', 1, 'term']]);
  });

  it('a common word is never read as a typo of a catalog word: cloves are not gloves', () => {
    expect(analyze('cloves 100g').signals).toEqual([]);
  });

  it.each([
    ['Greek Kappa and Nu in KN95', '\u039a\u039d95'],
    ['Greek Mu, Alpha, Kappa and Nu in MASK N95', '\u039c\u0391S\u039a \u039d95'],
  ])('capital look-alikes from Greek: %s', (_name, given) => {
    const [s] = analyze(given).signals;
    expect({ entryId: s?.entryId, refused: (s?.score ?? 0) >= SETTINGS.scoring.thresholds.reject }).toEqual({ entryId: 'masks', refused: true });
  });
});

import fc from 'fast-check';
import { normalizeText, phraseTokens, stem } from '../../src/screening/normalize';

const words = (s: string) => normalizeText(s).tokens.map((t) => t.text);

describe('normalizeText folds a description to comparable words', () => {
  const cases: [string, { given: string; want: string }][] = [
    ['case and Vietnamese diacritics', { given: 'KHẨU TRANG Y TẾ', want: 'khau trang y te' }],
    ['đ and Đ', { given: 'Đồ dùng đi đường', want: 'do dung di duong' }],
    ['decomposed Unicode (NFD) as composed', { given: 'Khẩu trang y tế'.normalize('NFD'), want: 'khau trang y te' }],
    ['French accents', { given: 'Masque médical, gants d’examen', want: 'masque medical gants d examen' }],
    ['zero-width space, non-joiner and joiner inside words', { given: 'kh\u200bẩu tr\u200cang y t\u200dế', want: 'khau trang y te' }],
    ['soft hyphen and byte-order mark', { given: 'kh\u00adẩu\ufeff trang', want: 'khau trang' }],
    ['Cyrillic look-alike letters', { given: 'm\u0435dic\u0430l m\u0430sk', want: 'medical mask' }],
    ['Cyrillic capitals', { given: '\u041c\u0410SK \u041aN95', want: 'mask kn95' }],
    ['Greek capitals', { given: '\u039c\u0391S\u039a \u039a\u039d95', want: 'mask kn95' }],
    ['Greek small omicron', { given: 'gl\u03bfves', want: 'gloves' }],
    ['full-width letters and digits', { given: 'ＫＮ９５ ｍａｓｋ', want: 'kn95 mask' }],
    ['traditional Chinese characters as simplified ones', { given: '醫用外科口罩 乾洗手', want: '医用外科口罩 干洗手' }],
    ['a squared ideograph as its character, simplified', { given: '🈣', want: '贩' }],
    ['a ligature', { given: '\ufb01lter', want: 'filter' }],
    ['dotted letters are glued again', { given: 'k.h.ẩ.u t.r.a.n.g', want: 'khau trang' }],
    ['starred and middle-dotted letters', { given: 'm*a*s*k g·e·l', want: 'mask gel' }],
    ['a dash inside a model name', { given: 'N-95', want: 'n95' }],
    ["a dash before a standard's part", { given: 'EN 455-1/2/3', want: 'en 455 1 2 3' }],
    ['a dash inside a part number', { given: 'SKF 6205-2RS', want: 'skf 62052rs' }],
    ['a dash between two numbers of two digits', { given: '6307-90', want: '630790' }],
    ['a dash between two words separates them', { given: 'cut-resistant gloves', want: 'cut resistant gloves' }],
    ['underscores between words separate them (a slug)', { given: 'khẩu_trang_y_tế_4_lớp', want: 'khau trang y te 4 lop' }],
    ['dashes beside underscores separate words too (a file name)', { given: 'khau-trang-y-te_loai-4-lop.jpg', want: 'khau trang y te loai 4 lopjpg' }],
    ['underscores between letters glue them', { given: 'k_h_ẩ_u N_95 hand sani_tizer', want: 'khau n95 hand sanitizer' }],
    ['an emoji separates (the matcher joins a word it cuts)', { given: 'Kh😷ẩu trang😷găng Cồn🔥70', want: 'kh au trang gang con 70' }],
    ['a dingbat is no word', { given: '❤ Khẩu trang ✅', want: 'khau trang' }],
    ['a decimal comma or point keeps the whole number', { given: 'Cồn 70,5 độ, IPA 99.9%, 1,5 lít', want: 'con 70 do ipa 99 1 lit' }],
    ['thousands and model numbers are not decimals', { given: '1.500.000đ, 1,000 cái, KN95,50 cái', want: '1500000d 1000 cai kn95 50 cai' }],
    ['a model before a quantity is no thousands', { given: '3M 1860,100 cái, 100,000 đôi', want: '3m 1860 100 cai 100000 doi' }],
    ['a long word glued to a quantity is two words', { given: 'handsanitizer500ml gangtayyte100chiec', want: 'handsanitizer 500 ml gangtayyte 100 chiec' }],
    ['a respirator standard glued to a word is a word of its own', { given: 'maskkf94 masqueffp2', want: 'mask kf94 masque ffp2' }],
    ['a model name or a digit standing for a letter stays whole', { given: 'KN95 H910V chirurgic4ux iphone12', want: 'kn95 h910v chirurgic4ux iphone 12' }],
    ['layers glued to their number are a quantity', { given: 'khautrang3lop', want: 'khautrang 3 lop' }],
    ['a short word glued to a strength in degrees (độ, with its marks) is three words', { given: 'cồn70độ Rượu40độ co 90độ', want: 'con 70 do ruou 40 do co 90do' }],
    ['a short word glued to a percentage is two words', { given: 'cồn90% con70% kn95% len70', want: 'con 90 con 70 kn95 len70' }],
    ['trade and copyright signs are dropped', { given: 'KN95™ Lifebuoy®', want: 'kn95 lifebuoy' }],
    ['spaced letters stay separate words (the matcher joins them)', { given: 'm a s k', want: 'm a s k' }],
    ['punctuation and list words dropped', { given: 'khẩu trang, găng tay và cồn!', want: 'khau trang gang tay con' }],
    ['a slash after a short word is an abbreviation', { given: 'k/trang y/tế', want: 'k trang y te' }],
    ['a last letter held as in a chat is the letter once', { given: 'khau trang y teeee nhaaa', want: 'khau trang y te nha' }],
    ['a word of one letter held is a word', { given: 'Pin AAA, size XXXL', want: 'pin aaa size xxxl' }],
    ['a held letter before a glued number is the letter once', { given: 'khau trangggg500 cai', want: 'khau trang 500 cai' }],
    ['single letters around slashes are one word', { given: 'k/t 40x30, g/t/y/t, k/t2', want: 'kt 40x30 gtyt k t2' }],
    ['symbols inside a word stand for letters', { given: 'm@sk', want: 'm@sk' }],
    ['only punctuation', { given: '!!! ... ---', want: '' }],
    ['only invisible characters', { given: '\u200b\u200c\u200d\ufeff', want: '' }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(normalizeText(given).text).toBe(want);
  });

  it('keeps where each word stood in the original text', () => {
    const original = '2 hộp KHẨU TRANG, g.ă.n.g tay';
    const n = normalizeText(original);
    expect(n.original).toBe(original);
    expect(n.tokens.map((t) => [t.text, original.slice(t.start, t.end)])).toEqual([
      ['2', '2'],
      ['hop', 'hộp'],
      ['khau', 'KHẨU'],
      ['trang', 'TRANG'],
      ['gang', 'g.ă.n.g'],
      ['tay', 'tay'],
    ]);
  });

  it('keeps where the pieces of a glued word stood when folding writes a letter as two (ﬁ, ǅ)', () => {
    // Found by the totality property: the cut was placed by folded length, past the original's end.
    const original = 'ǅｋaﬁ5h';
    const n = normalizeText(original);
    expect(n.tokens.map((t) => [t.text, original.slice(t.start, t.end)])).toEqual([
      ['dzkafi', 'ǅｋaﬁ'],
      ['5', '5'],
      ['h', 'h'],
    ]);
  });

  it('an NFD word spans its combining marks', () => {
    const original = 'tế'.normalize('NFD');
    const [t] = normalizeText(original).tokens;
    expect(original.slice(t.start, t.end)).toBe(original);
  });

  it.each([
    ['commas', 'áo thun, khẩu trang; găng tay', [0, 0, 1, 1, 2, 2]],
    ['Vietnamese "và" and English "and"', 'áo và quần and mask', [0, 1, 2]],
    ['a plus after a model number is part of it, not "and"', '1870+ Aura, 20 cái + túi', [0, 0, 1, 1, 2]],
    ['a plus after a smaller number still separates', 'kem SPF50+ khẩu trang', [0, 0, 1, 1]],
    ['"cùng" (with) separates, "cứng" (hard) does not', 'ổ cứng cùng cáp', [0, 0, 1]],
    ['"kèm" (with) separates, but not in "không kèm" (not included)', 'kính kèm khăn (không kèm khẩu trang)', [0, 1, 1, 1, 1, 1]],
    ['a slash between long words', 'gloves/masks', [0, 1]],
    ['new lines', 'soap\nmask', [0, 1]],
  ])('list elements (%s) are segments', (_name, given, want) => {
    expect(normalizeText(given).tokens.map((t) => t.segment)).toEqual(want);
  });

  it('marks abbreviations (letters before a slash or a full stop)', () => {
    expect(normalizeText('k/trang san. gel').tokens.map((t) => [t.text, t.abbr === true])).toEqual([
      ['k', true],
      ['trang', false],
      ['san', true],
      ['gel', false],
    ]);
  });
});

describe('normalizeText: other scripts as the catalog writes them', () => {
  const folded = (s: string) => normalizeText(s).text;
  it('a Russian word in capitals folds as in small letters, a word of Latin look-alikes keeps its case', () => {
    expect(folded('ПЕРЧАТКИ Бетадин')).toBe(folded('перчатки бетадин'));
    expect(folded('МАЅК КN95')).toBe('mask kn95');
  });
  it('half-width katakana fold as full-width ones, their voicing marks aside', () => {
    expect(folded('ｻｰｼﾞｶﾙﾏｽｸ')).toBe(folded('サージカルマスク'));
  });
  it('an emoji drawing a good is its word only on request', () => {
    expect(folded('😷 y tế')).toBe('y te');
    expect(normalizeText('😷 y tế, 🧤', true).text).toBe('mask y te gloves');
  });
});

describe('normalizeText is idempotent on its text', () => {
  const samples = [
    'Khẩu trang y tế 4 lớp',
    'k.h.ẩ.u t.r.a.n.g, g/tay y/tế và nước rửa tay khô 500ml',
    'm e d i c a l   m a s k',
    'ＫＮ９５ \u039a\u039d95 \u041aN95',
    'N-95; cut-resistant | gloves & gel + spray',
    'Masque médical — gants d’examen (nitrile)',
    'kh\u200bẩu\u00ad tr\u200dang',
    // Found by the property test: a traditional character whose simplified form OpenCC simplifies again,
    // and a held letter before a glued number (the letters of "Ⅷ" held after "na").
    '薴',
    'naⅧ09aⅧ05 khau trangggg500 cai',
  ];
  it.each(samples.map((s) => [s]))('%p', (given) => {
    const once = normalizeText(given).text;
    expect(normalizeText(once).text).toBe(once);
  });

  // '$' and '@' are the two symbols read as letters; they are left out here (see the failing test below).
  // A word written with other marks than a list word's ("cứng", "kém", "vạ") stays a word, and folds to
  // the list word's bare letters ("cung", "kem", "va"), which a second fold reads as the list word
  // (cùng, kèm, và): such text is left out too.
  const foldsToMarkedListWord = (text: string) => /(^| )(va|kem|cung)( |$)/.test(text);
  it('keeps a word written with other marks than a list word: the marks are what tell them apart', () => {
    expect(normalizeText('a cứng').text).toBe('a cung');
    expect(normalizeText('Kem chống nắng').text).toBe('kem chong nang');
    expect(normalizeText('áo và quần').tokens.map((t) => [t.text, t.segment])).toEqual([
      ['ao', 0],
      ['quan', 1],
    ]);
  });
  const noLeet = (s: string) => [...s].filter((c) => !/[$@]/.test(c.normalize('NFKC'))).join('');
  it('for any text without "$" or "@"', () => {
    const alphabet = [...'aăâđêôơưyAĂĐ kmntgl0123456789 ,.;/-_*·~&+|:\n\u200b\u0301\u0323\u0430\u039c\u039dẩ'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (raw) => {
        const once = normalizeText(noLeet(raw)).text;
        return foldsToMarkedListWord(once) || normalizeText(once).text === once;
      }),
      { numRuns: 3000 },
    );
  });

  // '$' or '@' at the very start is a letter too: ' $anitizer' must not lose it on a second fold.
  test.each([[' $anitizer'], [' @ntiseptic']])('%p', (given) => {
    const once = normalizeText(given).text;
    expect(normalizeText(once).text).toBe(once);
  });
});

describe('stem and phraseTokens', () => {
  it.each([
    ['gloves', 'glove'],
    ['masks', 'mask'],
    ['médicaux', 'medical'],
    ['gants', 'gant'],
    ['glass', 'glass'],
    ['gas', 'gas'],
    ['n95s', 'n95s'],
  ])('%s → %s', (given, want) => {
    expect(stem(normalizeText(given).text)).toBe(want);
  });

  it('reads catalog phrases as description words are read', () => {
    expect(phraseTokens('Masques Médicaux')).toEqual(['masque', 'medical']);
    expect(words('Masques Médicaux').map(stem)).toEqual(phraseTokens('Masques Médicaux'));
  });
});

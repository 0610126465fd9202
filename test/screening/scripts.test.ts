import fc from 'fast-check';
import { bracketSpans, hanTranslation, quoted, unreadWords } from '../../src/screening/scripts';

const words = (s: string) => unreadWords(s).map((w) => w.word);

describe('unreadWords finds words written in a script the catalog does not read', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['Chinese, a run without spaces', { given: '医用外科口罩 50个', want: ['医用外科口罩'] }],
    ['Chinese glued to Latin letters', { given: '医用口罩KN95, 3M口罩, 口罩x50', want: ['医用口罩', '口罩', '口罩'] }],
    ['Russian words', { given: 'Перчатки медицинские, 10 шт', want: ['Перчатки', 'медицинские'] }],
    ['Russian with one Latin look-alike letter', { given: 'Пeрчатки мeдицинскиe', want: ['Пeрчатки', 'мeдицинскиe'] }],
    ['Korean beside a Vietnamese gloss', { given: '마스크팩 (mặt nạ dưỡng da)', want: ['마스크팩'] }],
    ['Japanese kana and a counter after a number', { given: 'マスク 3枚', want: ['マスク'] }],
    ['a katakana word with its long-vowel mark, glued to Latin letters', { given: 'iPhoneケース, ノートA5', want: ['ケース', 'ノート'] }],
    ['one character alone in a line without Latin letters', { given: '书', want: ['书'] }],
    ['Cyrillic letters not drawn like Latin ones', { given: 'маска, Жук', want: ['маска', 'Жук'] }],
    ['Greek and Cyrillic words of four letters or more', { given: 'ΜΑΣΚ, маска', want: ['ΜΑΣΚ', 'маска'] }],
    ['Thai and Arabic', { given: 'หน้ากากอนามัย 50 ชิ้น; كمامات طبية', want: ['หน้ากากอนามัย', 'ชิ้น', 'كمامات', 'طبية'] }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(words(given)).toEqual(want);
  });

  it('gives where each word is', () => {
    expect(unreadWords('Áo thun, 口罩')).toEqual([{ word: '口罩', start: 9, end: 11 }]);
  });

  it('cuts a long run when quoting it', () => {
    const run = '一次性使用医用外科口罩独立包装无菌型成人款蓝色五十只装';
    expect(quoted(run)).toBe(`${run.slice(0, 24)}…`);
    expect(quoted('口罩')).toBe('口罩');
  });

  const read: [string, string][] = [
    ['Vietnamese with every mark', 'Khẩu trang y tế 4 lớp, găng tay, nước sát khuẩn, đồ ăn'],
    ['decomposed Vietnamese', 'Khẩu trang y tế'.normalize('NFD')],
    ['French and German letters', 'Gants médicaux, Œuvres, Straße, Øre'],
    ['Cyrillic and Greek look-alikes in Latin words (a trick the normalizer folds)', 'm\u0430sk \u041aN95 hand s\u03b1n\u03b9t\u03b9zer'],
    ['full-width and mathematical letters', 'ＫＮ９５ 𝐦𝐚𝐬𝐤'],
    ['emoji, symbols and digits', '😷 x 50 — 100% №5 ©'],
    ['Greek symbols and letters of a name', 'Serum α-arbutin, ADC ΣΔ 24-bit, shunt 50μΩ, hoodie ΑΦΑ, Vitamin D3 25μg'],
    ['units after a number', 'Cà phê 1 кг, bột 500 г, nước 2 мл'],
    ['one Chinese character as a sign in a Latin line', 'Câu đối chữ 福, T恤XL'],
    ['Greek and Cyrillic letters all drawn like Latin ones', 'Bánh Орео, Pin АА, Áo size ХХL, ЅАNІТІZЕR'],
  ];
  it.each(read)('reads %s', (_name, given) => {
    expect(unreadWords(given)).toEqual([]);
  });

  it('never flags text in Latin letters, whatever the marks', () => {
    const latin = fc.stringMatching(/^[a-zA-Z0-9 ,.;:()\-àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐÀÁÂÉÊÔƠƯ]*$/);
    fc.assert(fc.property(latin, (s) => unreadWords(s).length === 0 && unreadWords(s.normalize('NFD')).length === 0));
  });

  it('flags any Cyrillic word of four letters or more among Latin words', () => {
    const cyrillic = fc.stringMatching(/^[а-яё]{4,12}$/);
    fc.assert(fc.property(cyrillic, (w) => words(`Áo thun ${w} cotton`).join() === w));
  });
});

describe('a Chinese translation in brackets', () => {
  const names = (text: string) => (start: number, end: number) => /\p{Script=Latin}{2}/u.test(text.slice(start, end));
  const guarded = new Set([...'口罩手套消毒酒精']);
  const translated = (text: string) => hanTranslation(text, unreadWords(text), guarded, names(text));

  it('finds the brackets, an unclosed one running to the end', () => {
    expect(bracketSpans('a (b) [c] （d） 【e】')).toEqual([[3, 4], [7, 8], [11, 12], [15, 16]]);
    expect(bracketSpans('Bánh (鳳梨酥')).toEqual([[6, 9]]);
    expect(bracketSpans('no brackets')).toEqual([]);
  });

  it('takes Chinese inside brackets beside Latin words outside, or the other way round', () => {
    expect(translated('Bánh dứa Đài Loan (鳳梨酥)')).toBe(true);
    expect(translated('中藥材 黃耆 (thuốc bắc)')).toBe(true);
    expect(translated('Trà [绿茶] 2 hộp')).toBe(true);
  });

  it('does not when a character is one the goods are written with', () => {
    expect(translated('Bánh kẹo (面罩)')).toBe(false);
    expect(translated('Trà (酒精)')).toBe(false);
  });

  it('does not for kana, Hangul or Thai, which spell sounds', () => {
    expect(translated('Mì (インスタントラーメン)')).toBe(false);
    expect(translated('쌀국수 (phở gói)')).toBe(false);
  });

  it('does not when the unread words sit on both sides, or no bracket holds them apart', () => {
    expect(translated('绿茶 (trà 红茶)')).toBe(false);
    expect(translated('Trà xanh 绿茶')).toBe(false);
    expect(translated('(绿茶) 500g')).toBe(false);
  });
});

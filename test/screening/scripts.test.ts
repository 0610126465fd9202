import fc from 'fast-check';
import { unreadWords } from '../../src/screening/scripts';

describe('unreadWords finds words written wholly in a script the catalog does not read', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['Chinese, a run without spaces', { given: '医用外科口罩 50个', want: ['医用外科口罩', '个'] }],
    ['Russian words', { given: 'Перчатки медицинские, 10 шт', want: ['Перчатки', 'медицинские', 'шт'] }],
    ['Korean beside a Vietnamese gloss', { given: '마스크팩 (mặt nạ dưỡng da)', want: ['마스크팩'] }],
    ['Japanese kana and kanji', { given: 'マスク 3枚', want: ['マスク', '枚'] }],
    ['Greek and Cyrillic words of two letters or more', { given: 'ΜΑΣΚ из', want: ['ΜΑΣΚ', 'из'] }],
    ['at most three words are quoted', { given: 'один два три четыре', want: ['один', 'два', 'три'] }],
    ['a long run is cut', { given: '一次性使用医用外科口罩独立包装无菌型成人款蓝色五十只装', want: [`${'一次性使用医用外科口罩独立包装无菌型成人款蓝色五十只装'.slice(0, 24)}…`] }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(unreadWords(given)).toEqual(want);
  });

  const read: [string, string][] = [
    ['Vietnamese with every mark', 'Khẩu trang y tế 4 lớp, găng tay, nước sát khuẩn, đồ ăn'],
    ['decomposed Vietnamese', 'Khẩu trang y tế'.normalize('NFD')],
    ['French and German letters', 'Gants médicaux, Œuvres, Straße, Øre'],
    ['a Cyrillic look-alike inside a Latin word (a trick the normalizer folds)', 'm\u0430sk \u041aN95'],
    ['full-width and mathematical letters', 'ＫＮ９５ 𝐦𝐚𝐬𝐤'],
    ['emoji, symbols and digits', '😷 x 50 — 100% №5 ©'],
    ['a lone Greek or Cyrillic letter: a symbol, a unit or a look-alike', 'Serum α-arbutin, Omega Ω-3, Vitamin D3 25μg, bột 500 г, KHẨU TRANG Υ TẾ'],
  ];
  it.each(read)('reads %s', (_name, given) => {
    expect(unreadWords(given)).toEqual([]);
  });

  it('never flags text in Latin letters, whatever the marks', () => {
    const latin = fc.stringMatching(/^[a-zA-Z0-9 ,.;:()\-àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐÀÁÂÉÊÔƠƯ]*$/);
    fc.assert(fc.property(latin, (s) => unreadWords(s).length === 0 && unreadWords(s.normalize('NFD')).length === 0));
  });

  it('flags any word of letters from one other script', () => {
    const cyrillic = fc.stringMatching(/^[а-яё]{2,12}$/);
    fc.assert(fc.property(cyrillic, (w) => unreadWords(`Áo thun ${w} cotton`).join() === w));
  });
});

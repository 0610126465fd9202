import { readableText } from '../../src/screening/readable';

describe('readableText reads a description as the clerk sees it', () => {
  it.each([
    ['HTML character references', 'g&#259;ng tay kh&#xE1;m', 'găng tay khám'],
    ['named references', 'Tom &amp; Jerry', 'Tom & Jerry'],
    ['an unknown reference stays', 'R&D &foo; kit', 'R&D &foo; kit'],
    ['text behind a right-to-left override', '\u202Eet y yat gnag\u202C', 'găng tay y tế'.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd')],
    ['UTF-8 shown as Windows-1252', 'Gel rá»­a tay khÃ´', 'Gel rửa tay khô'],
    ['Windows-1252 quotes in mojibake', 'Khẩu trang'.replace('ẩ', 'áº©'), 'Khẩu trang'],
    ['capitals with a tilde are no mojibake', 'SÃO PAULO', 'SÃO PAULO'],
    ['French accents stay', 'Café crème', 'Café crème'],
    ['plain Vietnamese stays', 'Khẩu trang y tế', 'Khẩu trang y tế'],
  ])('%s', (_name, given, want) => {
    expect(readableText(given)).toBe(want);
  });
});

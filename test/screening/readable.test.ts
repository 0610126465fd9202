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
    ['UTF-8 as Windows-1252 in some words only', 'Cá»“n 70 Ä‘á»™ 1 lít', 'Cồn 70 độ 1 lít'],
    ['a TCVN3 font, capitals after small letters', 'KhÈu trang y tÕ 4 líp, 3 hép', 'Khẩu trang y tế 4 lớp, 3 hộp'],
    ['a TCVN3 font, its ư a soft hyphen', 'N\u00ADíc röa tay kh« 500ml', 'Nước rửa tay khô 500ml'],
    ['a TCVN3 font, đ and signs', 'cån 90 ®é s¸t khuÈn', 'cồn 90 độ sát khuẩn'],
    ['a VNI font', 'gaêng tay khaùm nitrile 10 hoäp', 'găng tay khám nitrile 10 hộp'],
    ['a VNI font, ươ', 'nöôùc röûa tay khoâ Lifebuoy 235ml', 'nước rửa tay khô Lifebuoy 235ml'],
    ['a VNI font in capitals', 'KHAÅU TRANG Y TEÁ', 'KHẨU TRANG Y TẾ'],
    ['a TCVN3 font with letters VNI uses too', 'MiÕng che mÆt y tÕ', 'Miếng che mặt y tế'],
    ['a TCVN3 font with ö and È', 'N\u00ADíc röa tay s¸t khuÈn', 'Nước rửa tay sát khuẩn'],
    ['a short VNI line, two pairs', 'Gaêng tay y teá', 'Găng tay y tế'],
    ['Windows-1258 read as Windows-1252', 'KhâÒu trang phâÞu thuâòt', 'Khẩu trang phẫu thuật'],
    ['a TCVN3 Ò is no Windows-1258 tone', 'ThuyÒn viªn göi ®å c¸ nh©n', 'Thuyền viên gửi đồ cá nhân'],
    ['Vietnamese in Latin-1 letters stays', 'Hàng hoá', 'Hàng hoá'],
    ['Italian stays', 'Caffè perché', 'Caffè perché'],
    ['Vietnamese pairs Unicode writes stay', 'Quà hoà', 'Quà hoà'],
    ['Spanish pairs stay', 'Baúl aún', 'Baúl aún'],
    ['Vietnamese with ô stays', 'Quà công ty', 'Quà công ty'],
    ['a degree sign is no TCVN3', 'Côn 70° sát trùng', 'Côn 70° sát trùng'],
    ['French with é stays', 'Thé au lait', 'Thé au lait'],
    ['French with ï stays', 'Ensaïmada naïve', 'Ensaïmada naïve'],
    ['German with ü stays', 'Kaffee für Oma', 'Kaffee für Oma'],
    ['Spanish with ñ stays', 'Señora Muñoz', 'Señora Muñoz'],
  ])('%s', (_name, given, want) => {
    expect(readableText(given)).toBe(want);
  });
});

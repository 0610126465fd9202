import { VIETNAMESE_LETTER, VIETNAMESE_SYLLABLE } from './match-index';

/**
 * A description as the clerk reads it on the form, where the text the service receives differs:
 * HTML character references from a web form or a spreadsheet export ("g&#259;ng tay"), text
 * written behind a right-to-left override that displays reversed ("\u202Eet y yat gnag" shows
 * "găng tay y tế"), UTF-8 read as Windows-1252 somewhere on the way ("Gel rá»­a tay khÃ´"), and
 * text typed in a Vietnamese font of the legacy TCVN3 (ABC) or VNI encodings and pasted as Unicode
 * ("KhÈu trang y tÕ", "gaêng tay khaùm"), or saved as Windows-1258 and read as Windows-1252
 * ("KhâÒu trang"). Anything else is returned as it is.
 */
export function readableText(raw: string): string {
  let text = raw;
  if (text.includes('&')) text = text.replace(CHARACTER_REFERENCE, decodeReference);
  if (text.includes('\u202E')) text = text.replace(RIGHT_TO_LEFT, (_m, inner: string) => [...inner].reverse().join(''));
  // The whole line, or its words one by one where only some were garbled ("Cá»“n 70 Ä‘á»™ 1 lít").
  if (MOJIBAKE_HINT.test(text)) text = fromWindows1252Mojibake(text) ?? text.replace(/\S+/g, (word) => (MOJIBAKE_HINT.test(word) ? (fromWindows1252Mojibake(word) ?? word) : word));
  if (LATIN_1_LETTER.test(text)) text = fromLegacyFont(text) ?? text;
  return text;
}

const CHARACTER_REFERENCE = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeReference(whole: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

/** A right-to-left override and what it reverses, up to the pop of the direction or the line's end. */
const RIGHT_TO_LEFT = /\u202E([^\u202C\u202D\u202E\n]*)\u202C?/g;

/** Lead bytes of Vietnamese letters in UTF-8 as Windows-1252 shows them: Ã Â Ä Å Æ, and "á»"/"áº". */
const MOJIBAKE_HINT = /[\u00C2-\u00C6]|\u00E1[\u00BA\u00BB]/;

/** Windows-1252's letters in 0x80–0x9F, by the byte they stand for. */
const WINDOWS_1252: ReadonlyMap<string, number> = new Map([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88],
  ['‰', 0x89], ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['\u2018', 0x91], ['\u2019', 0x92],
  ['\u201C', 0x93], ['\u201D', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99],
  ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes a text shown as Windows-1252 stands for; null when a character is none of its. */
function windows1252Bytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : WINDOWS_1252.get(text[i]);
    if (b === undefined) return null;
    bytes[i] = b;
  }
  return bytes;
}

/**
 * The text UTF-8 bytes shown as Windows-1252 stand for, when every character is one such byte and
 * the bytes are valid UTF-8 holding more than ASCII; otherwise null ("SÃO PAULO", "Café" stay).
 */
function fromWindows1252Mojibake(text: string): string | null {
  const bytes = windows1252Bytes(text);
  if (!bytes) return null;
  try {
    const decoded = UTF8.decode(bytes);
    return decoded !== text && /[^\x00-\x7f]/.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** Letters of Latin-1's upper half (and the soft hyphen that is TCVN3's ư): where a legacy font's text shows. */
const LATIN_1_LETTER = /[\u00A1-\u00FF]/;

/** TCVN3 (ABC), one character for each Vietnamese letter, as a Unicode font shows its bytes. */
const TCVN3: ReadonlyMap<string, string> = pairs(
  'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢§£¤¥¦',
  'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ',
);

/**
 * VNI Windows: a vowel and one or two characters for its shape and tone ("aâ" â, "aù" á, "aå" ẩ,
 * "ôù" ớ), or one character (ô ơ, ö ư, ñ đ, æ ỉ, ó ĩ, ò ị, î ỵ; í and ì are themselves); longest first.
 */
const VNI: readonly [string, string][] = (() => {
  const tones = ['ù', 'ø', 'û', 'õ', 'ï']; // sắc, huyền, hỏi, ngã, nặng
  const hatTones = ['á', 'à', 'å', 'ã', 'ä'];
  const breveTones = ['é', 'è', 'ú', 'ü', 'ë'];
  const out: [string, string][] = [];
  const add = (from: string, to: string) => {
    out.push([from, to], [from.toUpperCase(), to.toUpperCase()]);
  };
  const toned = (plain: string, five: string) => tones.forEach((t, k) => add(plain + t, [...five][k]));
  for (const [v, five] of [['a', 'áàảãạ'], ['e', 'éèẻẽẹ'], ['o', 'óòỏõọ'], ['u', 'úùủũụ'], ['y', 'ýỳỷỹỵ']] as const) toned(v, five);
  for (const [v, hat, five] of [['a', 'â', 'ấầẩẫậ'], ['e', 'ê', 'ếềểễệ'], ['o', 'ô', 'ốồổỗộ']] as const) {
    add(v + 'â', hat);
    hatTones.forEach((t, k) => add(v + t, [...five][k]));
  }
  add('aê', 'ă');
  breveTones.forEach((t, k) => add('a' + t, [...'ắằẳẵặ'][k]));
  toned('ô', 'ớờởỡợ');
  toned('ö', 'ứừửữự');
  for (const [from, to] of [['ô', 'ơ'], ['ö', 'ư'], ['ñ', 'đ'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ']]) add(from, to);
  return out.sort((a, b) => b[0].length - a[0].length);
})();

function pairs(from: string, to: string): ReadonlyMap<string, string> {
  const a = [...from];
  const b = [...to];
  return new Map(a.map((c, k) => [c, b[k]]));
}

const CP1258 = new TextDecoder('windows-1258');

/** Windows-1258, whose tones are marks of their own after the letter, shown as Windows-1252: "KhâÒu" khẩu, "phâÞu" phẫu. */
function fromCp1258(word: string): string {
  const bytes = windows1252Bytes(word);
  return bytes ? CP1258.decode(bytes).normalize('NFC') : word;
}

function fromTcvn3(word: string): string {
  let out = '';
  for (const c of word) out += TCVN3.get(c) ?? c;
  return out;
}

function fromVni(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const hit = VNI.find(([from]) => word.startsWith(from, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else out += word[i++];
  }
  return out;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A Vietnamese syllable however written: its letters without marks, lower case (đ as d), and one tone at most. */
function syllable(word: string): boolean {
  const split = word.normalize('NFD');
  if ((split.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  const bare = split.replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return VIETNAMESE_SYLLABLE.test(bare);
}

/**
 * A VNI vowel followed by its shape or tone ("aù", "eâ", "öø"), not pairs Unicode Vietnamese writes
 * ("oá" of hoá, "uê" of quê): two of them in a line, or one in a line with a letter Vietnamese
 * never writes, which VNI uses for shapes and tones (ø, å, ä, ë, ü, ö, ï, û, î, æ, ñ). "Hàng hoá",
 * "Quà công ty" and "Quê hương, cô giáo" are Unicode already, "aún" and "où" Spanish and French.
 */
const VNI_PAIRS = /a[âáàåãäêéèúüëùøûõï]|e[âáàåãäùøûõï]|o[âåäùøûõï]|[iuy][ùøûõïå]|[ôö][ùøûõï]/gi;
const VNI_SIGN = /[øåäëüöïûîæñ]/i;
/** A vowel and a Windows-1258 tone as Windows-1252 shows it (Ì, ì, Ò, Þ, ò: grave, acute, hook, tilde, dot): "âÒ", "ôì". */
const CP1258_TONE = /[aeiouyâêôàáãèéìíòóõùúýăơư][\u00CC\u00EC\u00D2\u00DE\u00F2]/i;
/**
 * Latin-1 symbols and letters no Western European word has, which TCVN3 uses for Vietnamese letters
 * (¸ á, µ à, ® đ, « ô, soft hyphen ư), beside a letter ("s¸t", "kh«", not "70°"), or a capital with
 * a mark after a small letter ("KhÈu" khẩu, "tÕ" tế).
 */
const TCVN3_SIGN = /\p{L}[\u00A1-\u00BF\u00C6\u00D0\u00D7\u00DE\u00DF\u00E6\u00F0\u00F7\u00FE]|[\u00A1-\u00BF\u00C6\u00D0\u00D7\u00DE\u00DF\u00E6\u00F0\u00F7\u00FE]\p{L}|[a-z][\u00C0-\u00DE]/u;
/** A letter beyond Latin-1: the text is Unicode already. */
const BEYOND_LATIN_1 = /[^\u0000-\u00FF](?<=\p{L})/u;

/**
 * The text a TCVN3 or VNI font showed: only for text in Latin-1 letters with a TCVN3 sign or VNI
 * vowel pairs, and only when every word that changes reads as a Vietnamese syllable and the line
 * then holds a letter only Vietnamese writes. Otherwise null: French and other Latin-1 text ("Café
 * crème", "Thé au lait", "naïf") and Unicode Vietnamese stay as they are.
 */
function fromLegacyFont(text: string): string | null {
  if (BEYOND_LATIN_1.test(text)) return null;
  // TCVN3 first when its signs are there: its text often holds VNI's and Windows-1258's letters too
  // ("röa", "khuÈn", "thuyÒn"); read so, their text gives two tones to a syllable ("Khấều").
  const vniPairs = text.match(VNI_PAIRS)?.length ?? 0;
  const decoders = [
    ...(TCVN3_SIGN.test(text) ? [fromTcvn3] : []),
    ...(CP1258_TONE.test(text) ? [fromCp1258] : []),
    ...(vniPairs >= 2 || (vniPairs > 0 && VNI_SIGN.test(text)) ? [fromVni] : []),
  ];
  for (const decode of decoders) {
    let changed = false;
    let fits = true;
    const read = text.replace(/[^\s,.;:()/+&\-]+/g, (word) => {
      const now = decode(word);
      if (now === word) return word;
      changed = true;
      // Digits and quantities stay beside a word ("líp,"): only the letters have to read.
      const letters = now.replace(/[^\p{L}\p{M}]+/gu, ' ').trim().split(/\s+/);
      if (!letters.every((w) => w === '' || syllable(w))) fits = false;
      return now;
    });
    if (changed && fits && VIETNAMESE_LETTER.test(read.normalize('NFC'))) return read;
  }
  return null;
}

/**
 * A description as the clerk reads it on the form, where the text the service receives differs:
 * HTML character references from a web form or a spreadsheet export ("g&#259;ng tay"), text
 * written behind a right-to-left override that displays reversed ("\u202Eet y yat gnag" shows
 * "găng tay y tế"), and UTF-8 read as Windows-1252 somewhere on the way ("Gel rá»­a tay khÃ´").
 * Anything else is returned as it is.
 */
export function readableText(raw: string): string {
  let text = raw;
  if (text.includes('&')) text = text.replace(CHARACTER_REFERENCE, decodeReference);
  if (text.includes('\u202E')) text = text.replace(RIGHT_TO_LEFT, (_m, inner: string) => [...inner].reverse().join(''));
  if (MOJIBAKE_HINT.test(text)) text = fromWindows1252Mojibake(text) ?? text;
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

/**
 * The text UTF-8 bytes shown as Windows-1252 stand for, when every character is one such byte and
 * the bytes are valid UTF-8 holding more than ASCII; otherwise null ("SÃO PAULO", "Café" stay).
 */
function fromWindows1252Mojibake(text: string): string | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : WINDOWS_1252.get(text[i]);
    if (b === undefined) return null;
    bytes[i] = b;
  }
  try {
    const decoded = UTF8.decode(bytes);
    return decoded !== text && /[^\x00-\x7f]/.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

import type { HsStrength } from './types';

/** Labels senders write before the number: HS, HS code, HTS, Mã HS (Vietnamese), code SH (French). */
const LABELS = String.raw`hs(?:\s*code)?|hts|m[aã]\s*hs|code\s*sh`;
/** A label before the code field's number; SH alone too (French), which in a description is too short a word to trust. */
const HS_LABEL = new RegExp(String.raw`^\s*(?:${LABELS}|sh)\s*:?\s*`, 'i');
const O_AMONG_DIGITS = /(?<=\d)[Oo]|[Oo](?=\d)/g;
const HS_FORM = /^\s*\d{2}(?:[\s.\-]?\d{2}){1,4}\s*$/;

/**
 * Reads an HS tariff number in any common form (4015.11, 401511, 4015.11.00, "HS 4015 11", "HS
 * code: 3808.94", "Mã HS 3808", "code SH 4015.19", "38O8.94") as its digits; null when it is not
 * one (4 to 10 digits in pairs).
 * @see https://www.wcoomd.org/en/topics/nomenclature/overview/what-is-the-harmonized-system.aspx
 */
export function parseHsCode(raw: string): string | null {
  // A letter O among the digits is a zero typed or scanned as a letter: "38O8.94".
  const code = raw.normalize('NFC').replace(HS_LABEL, '').replace(O_AMONG_DIGITS, '0');
  if (!HS_FORM.test(code)) return null;
  return code.replace(/\D/g, '');
}

/** A labeled HS code of six digits or more inside a description ("Mã HS 6307904000 - 10 thùng", "Gift (HS code: 3808.94)"); not four, as years are ("HS 2020"). */
const HS_IN_TEXT = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])((?:${LABELS})\s*[:#]?\s*\d{4}(?:[\s.\-]?\d{2}){1,3})(?![\p{L}\p{N}])`, 'iu');

/** The digits of an HS code a description gives after its label, when the declaration's field has none. */
export function hsCodeInText(description: string): string | null {
  const found = HS_IN_TEXT.exec(description.normalize('NFC'));
  return found ? parseHsCode(found[1]) : null;
}

/** Formats digits as the usual dotted HS notation: 4015.11, 6307.90.40. */
export function formatHsCode(digits: string): string {
  return [digits.slice(0, 4), ...(digits.slice(4).match(/\d{2}/g) ?? [])].join('.');
}

/**
 * How a declared code stands to a catalog code: the catalog code's own strength when the declared
 * code is as or more specific; at most indicative when the declared code is broader.
 */
export function hsStrengthFor(declared: string, catalogCode: string, strength: HsStrength): HsStrength | null {
  if (declared.startsWith(catalogCode)) return strength;
  if (declared.length >= 4 && catalogCode.startsWith(declared)) return 'indicative';
  return null;
}

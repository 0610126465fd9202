import type { Hit } from './find-hits';
import { isFiller, writtenAsFiller } from './fillers';
import type { MatchIndex } from './match-index';
import type { ResolvedToken } from './resolve-tokens';

/**
 * The list elements that are the title of a publication: those a label begins, quantities aside
 * ("Sách khẩu trang y tế", "2 cuốn sách về khẩu trang"); and, after a label standing alone before a
 * colon with a title after it ("Book: Surgical Masks and Respirators"), all the rest. A label after
 * the goods is read as describing them ("Khẩu trang y tế 4 lớp sticker", "Masks as per catalog"),
 * which errs to the goods; one before quantities is a list heading ("Sách: 2 cuốn, khẩu trang: 10
 * cái"). Null when there is no label.
 */
export function titleSegmentsOf(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): ReadonlySet<number> | null {
  let segments: Set<number> | null = null;
  const quantity = (t: ResolvedToken) => isFiller(index, t.text) && writtenAsFiller(index, original, t);
  for (const h of hits) {
    if (h.term.kind !== 'title') continue;
    let first = h.from;
    while (first > 0 && tokens[first - 1].segment === h.segment) first--;
    const before = tokens.slice(first, h.from);
    if (!before.every(quantity) || bundles(tokens, h)) continue;
    (segments ??= new Set()).add(h.segment);
    // Before a colon only a number may come before the label ("1. Book: ..."): "Order from catalog:"
    // heads a list of goods.
    const alone = h.to < tokens.length && tokens[h.to].segment !== h.segment && before.every((t) => /^\d/.test(t.text));
    if (!alone || !original.slice(tokens[h.to - 1].end, tokens[h.to].start).includes(':')) continue;
    const next = tokens[h.to].segment;
    if (tokens.some((t) => t.segment === next && !quantity(t))) for (let k = h.to; k < tokens.length; k++) segments.add(tokens[k].segment);
  }
  return segments;
}

/** Words that join a good sold with a publication: "Comic book with free surgical masks". */
const BUNDLING = new Set(['with', 'tang', 'free', 'avec', 'gift', 'bonus', 'plus', 'offert', 'offerts']);

/**
 * Whether what follows a label in its list element is a good sold with the publication, not its
 * subject: after a word such as with, tặng or avec. A dash does not say so: "Bauhaus – Mask" is
 * an artist and a title.
 */
function bundles(tokens: readonly ResolvedToken[], h: Hit): boolean {
  for (let k = h.to; k < tokens.length && tokens[k].segment === h.segment; k++) if (BUNDLING.has(tokens[k].text)) return true;
  return false;
}

const OPENING_QUOTES = new Set(['"', "'", '“', '‘', '«', '「', '„']);
const CLOSING_QUOTES = new Set(['"', "'", '”', '’', '»', '」', '“']);

/**
 * The words in quotes right after a label of a title or a print: the print's text ("Tote bag in
 * chữ 'Alcohol You Later'"), as token ranges [from, to). Null when there is none.
 */
export function quotedTitlesOf(original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): [number, number][] | null {
  let quoted: [number, number][] | null = null;
  for (const h of hits) {
    if (h.term.kind !== 'title' || h.to >= tokens.length) continue;
    let open = tokens[h.to - 1].end;
    while (open < original.length && /[\s:]/u.test(original[open])) open++;
    if (!OPENING_QUOTES.has(original[open])) continue;
    let close = open + 1;
    while (close < original.length && !CLOSING_QUOTES.has(original[close])) close++;
    let to = h.to;
    while (to < tokens.length && tokens[to].end <= close) to++;
    if (to > h.to) (quoted ??= []).push([h.to, to]);
  }
  return quoted;
}

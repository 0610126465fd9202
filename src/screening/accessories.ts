import type { Hit } from './find-hits';
import type { ResolvedToken } from './resolve-tokens';

/** Words that link a thing to the good it is made for: "holder for masks", "hộp đựng", "distributeur de gel", "soporte para gel", "Spender für". */
const FOR = new Set(['for', 'de', 'd', 'du', 'des', 'pour', 'cho', 'para', 'per', 'fur', 'voor', 'na', 'do', 'untuk', 'di']);
/** Words saying the thing holds the good: "Gel dispenser (full)", "Distributeur de gel rempli", "gel inclus". */
const FILLED = new Set(['full', 'filled', 'refill', 'included', 'inside', 'rempli', 'remplie', 'inclu', 'incluse', 'recharge']);
/** What joins a list element that comes with the one before: "+ recharge 1L", "tặng kèm 5 cái", "& 5 masks". */
const ALONG = /[+&]|\b(?:with|avec|w\/)|kèm|kem\b/iu;
/** Words saying the thing is empty. */
const EMPTY = new Set(['empty', 'vide', 'vides', 'rong']);
/** Words that bring the good along when a count or the good follows: "with 10 masks", "avec 1L de gel", "kèm 6 cái", "có sẵn 20 cái". */
const WITH = new Set(['with', 'w', 'incl', 'including', 'avec', 'kem', 'san']);
/** Counting words that count the good, not the thing: pairs are gloves ("Hộp đựng găng tay nitrile 20 đôi"). */
const PAIRS = new Set(['doi', 'pair', 'pairs', 'paire', 'paires']);

/**
 * Whether an accessory is made for a good named beside it in its list element. Before the good,
 * with a linking word and at most one word of the good's between ("holder for hand sanitizer",
 * "flacons vides pour gel hydroalcoolique"; not a count: "distributeur de 100 gants"), or with
 * none in a language that names the thing first ("hộp đựng khẩu trang", "porte-gel"). After the
 * good only in English, where the last noun is the thing, and only closing the list element (other
 * accessories, or a remark in brackets naming no good, aside): "Hand sanitizer dispenser" is the
 * machine, "hand sanitizer dispenser refill 1L", "KN95 mask holder included" and "50 surgical
 * masks storage box" hold the good; in Vietnamese and French a word after the good describes it
 * ("khẩu trang y tế dây đeo tai"). Never when the thing itself is what something else is for
 * ("Refill for hand sanitizer dispenser", "Recharge pour distributeur de gel") or the line says the
 * good comes with it ("avec recharge", "kèm 6 cái", "12 đôi").
 */
function madeFor(original: string, tokens: readonly ResolvedToken[], accessories: readonly Hit[], goods: readonly Hit[], a: Hit, h: Hit): boolean {
  if (a.segment !== h.segment) return false;
  const after = a.from === h.to;
  // Where it stands first: most accessories of a line are nowhere near the good.
  const placed = after
    ? a.term.leads !== true
    : a.to === h.from
      ? a.term.leads === true
      : FOR.has(tokens[a.to]?.text) && (a.to + 1 === h.from || (a.to + 2 === h.from && !/\d/.test(tokens[a.to + 1].text)));
  if (!placed) return false;
  const inElement = (k: number) => k >= 0 && k < tokens.length && tokens[k].segment === a.segment;
  const first = Math.min(a.from, h.from);
  if (inElement(first - 1) && FOR.has(tokens[first - 1].text)) return false;
  // A line that says the thing is empty brings no good, whatever it includes: "flacon vide 30 ml inclus".
  let empty = false;
  for (let k = first; inElement(k); k++) empty ||= EMPTY.has(tokens[k].text);
  const brought = (k: number) => /\d/.test(tokens[k].text) || FILLED.has(tokens[k].text) || goods.some((g) => g.from <= k && k < g.to);
  let k = Math.max(a.to, h.to);
  for (; inElement(k); k++) {
    const word = tokens[k].text;
    if ((FILLED.has(word) && !empty) || (PAIRS.has(word) && /^\d+$/.test(tokens[k - 1].text))) return false;
    if (WITH.has(word)) for (let j = k + 1; inElement(j); j++) if (brought(j)) return false;
  }
  // The next list element, when it comes along with this one and brings the good or a count.
  if (k > 0 && k < tokens.length && ALONG.test(original.slice(tokens[k - 1].end, tokens[k].start))) {
    for (let j = k; j < tokens.length && tokens[j].segment === tokens[k].segment; j++) if (brought(j)) return false;
  }
  if (!after) return true;
  // A count before the good counts the good: "50 surgical masks storage box", "20 latex exam gloves rack".
  for (let j = h.from - 1; inElement(j); j--) if (/^\d+$/.test(tokens[j].text)) return false;
  // Only other accessories may follow it, or a remark in brackets naming no good: "Hand Sanitizer Dispenser Wall Mount (Empty)".
  const covered = (hs: readonly Hit[], at: number) => hs.some((b) => b.from <= at && at < b.to);
  let remark = false;
  for (let j = a.to; inElement(j); j++) {
    remark ||= original.slice(tokens[j - 1].end, tokens[j].start).includes('(');
    if (remark ? covered(goods, j) : !covered(accessories, j)) return false;
  }
  return true;
}

/**
 * The accessory a good named at `good` is made for, if any (`accessories`: the line's accessory
 * hits; `goods`: the hits naming the good's entry).
 */
export function accessoryOf(original: string, tokens: readonly ResolvedToken[], accessories: readonly Hit[], goods: readonly Hit[], good: Hit): Hit | undefined {
  return accessories.find((a) => madeFor(original, tokens, accessories, goods, a, good));
}

/** An accessory with the good it is for, as the clerk is told of it: "Surgical mask prop", "Hộp đựng khẩu trang". */
export function withItsGood(accessory: Hit, good: Hit): Hit {
  return { ...accessory, from: Math.min(accessory.from, good.from), to: Math.max(accessory.to, good.to) };
}

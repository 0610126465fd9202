import type { Hit } from './find-hits';
import type { ResolvedToken } from './resolve-tokens';

/** Words that link a thing to the good it is made for: "holder for masks", "hộp đựng", "distributeur de gel". */
const FOR = new Set(['for', 'of', 'de', 'd', 'du', 'des', 'pour', 'cho']);

/**
 * Whether an accessory is made for a good named beside it in its list element. Before the good,
 * with a linking word and at most one word of the good's between ("holder for hand sanitizer",
 * "flacons vides pour gel hydroalcoolique"; not a count: "dispenser of 100 nitrile gloves"), or
 * with none in a language that names the thing first ("hộp đựng khẩu trang", "porte-gel"). After
 * the good only in English, where the last noun is the thing, and only closing the list element
 * (other accessories aside): "Hand sanitizer dispenser" is the machine, "hand sanitizer dispenser
 * refill 1L" and "KN95 mask holder included" hold the good; in Vietnamese and French a word
 * after the good describes it ("khẩu trang y tế dây đeo tai", "gants nitrile distributeur 100").
 */
function madeFor(original: string, tokens: readonly ResolvedToken[], accessories: readonly Hit[], a: Hit, h: Hit): boolean {
  if (a.segment !== h.segment) return false;
  if (a.from === h.to) {
    if (a.term.leads) return false;
    // Only other accessories may follow it, or a remark in brackets: "Hand Sanitizer Dispenser Wall Mount (Empty)".
    for (let k = a.to; k < tokens.length && tokens[k].segment === a.segment; k++) {
      if (original.slice(tokens[k - 1].end, tokens[k].start).includes('(')) break;
      if (!accessories.some((b) => b.from <= k && k < b.to)) return false;
    }
    return true;
  }
  if (a.to === h.from) return a.term.leads === true;
  if (!FOR.has(tokens[a.to]?.text)) return false;
  return a.to + 1 === h.from || (a.to + 2 === h.from && !/\d/.test(tokens[a.to + 1].text));
}

/** The accessory a good named at `good` is made for, if any (`accessories`: the line's accessory hits). */
export function accessoryOf(original: string, tokens: readonly ResolvedToken[], accessories: readonly Hit[], good: Hit): Hit | undefined {
  return accessories.find((a) => madeFor(original, tokens, accessories, a, good));
}

/** An accessory with the good it is for, as the clerk is told of it: "Surgical mask prop", "Hộp đựng khẩu trang". */
export function withItsGood(accessory: Hit, good: Hit): Hit {
  return { ...accessory, from: Math.min(accessory.from, good.from), to: Math.max(accessory.to, good.to) };
}

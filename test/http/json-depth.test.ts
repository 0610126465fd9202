import fc from 'fast-check';
import { jsonDepth } from '../../src/http/middleware/json-body';

/** The nesting depth by definition: scalars 0, a container one more than its deepest child. */
function reference(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const children = Object.values(v as object);
  return 1 + (children.length ? Math.max(...children.map(reference)) : 0);
}

describe('jsonDepth: how deep a parsed body nests', () => {
  it('agrees with the definition on any JSON value below the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (v) => {
        expect(jsonDepth(v, 100)).toBe(reference(v));
      }),
      { numRuns: 500, seed: 2020 },
    );
  });

  it('stops at the limit, however deep the body goes, without exhausting the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(jsonDepth(deep, 33)).toBe(33);
    expect(jsonDepth(JSON.parse('{"a":[1,{"b":[[2]]}],"c":{}}'))).toBe(5);
    expect([jsonDepth('text'), jsonDepth(null), jsonDepth([]), jsonDepth({})]).toEqual([0, 0, 1, 1]);
  });
});

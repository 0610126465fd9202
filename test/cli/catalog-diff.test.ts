import { loadCatalogSource } from '../../src/catalog/load-catalog';
import type { CatalogSource } from '../../src/catalog/snapshot';
import { describeChanges, diffCommand } from '../../src/cli/catalog-diff';
import { BUNDLED, catalogCopy, editYaml, removeCopies, setIn } from './catalog-copy';

afterAll(removeCopies);

let bundled: CatalogSource;
beforeAll(async () => {
  const loaded = await loadCatalogSource(BUNDLED);
  if (!loaded.ok) throw new Error('the bundled catalog does not load');
  bundled = loaded.source;
});

const entry = (s: CatalogSource, id: string) => s.entries.find((e) => e.id === id)!;
const masksRule = (s: CatalogSource) => entry(s, 'medical-masks').rules[0];
const RULE = 'medical-masks / vn-outbound-suspension-2020';

// [change, edit made to a copy of the bundled catalog, a line the officer must read]
const CHANGES: [string, (s: CatalogSource) => void, string][] = [
  ['a rule ended', (s) => (masksRule(s).effective.to = '2020-03-01'), `${RULE}: now ends 2020-03-01 (was open-ended)`],
  ['a rule started later', (s) => (masksRule(s).effective.from = '2020-02-05'), `${RULE}: now starts 2020-02-05 (was 2020-02-01)`],
  ['an action softened', (s) => (masksRule(s).action = 'review'), `${RULE}: action now review (was reject)`],
  ['events narrowed', (s) => (masksRule(s).scope.events = ['acceptance']), `${RULE}: now applies at acceptance only (was at acceptance and dispatch)`],
  ['a destination scope changed', (s) => (masksRule(s).scope.destination = { countries: ['CN'] }), `${RULE}: destination now CN (was any country except VN)`],
  [
    'an exemption added',
    (s) => masksRule(s).exemptions.push({ id: 'red-cross', description: { vi: 'Viện trợ', en: 'Aid' }, requires: { documentType: 'licence', issuerIncludes: 'Chữ thập đỏ' }, verified: false }),
    `${RULE}: exemption added: red-cross (needs a licence issued by "Chữ thập đỏ"; unverified): Aid`,
  ],
  [
    'a legal basis added',
    (s) => masksRule(s).legalBasis.push({ kind: 'decision', number: '123/QĐ-BTTTT', date: '2020-03-01', issuer: { vi: 'Bộ TT&TT', en: 'MIC' }, title: { vi: 'x', en: 'x' } }),
    `${RULE}: legal basis added: decision 123/QĐ-BTTTT of 2020-03-01 (Bộ TT&TT)`,
  ],
  ['a legal basis redated', (s) => (masksRule(s).legalBasis[0].date = '2020-02-04'), `${RULE}: legal basis letter …/STTTT-BCVT, date: now "2020-02-04" (was "2020-02-03")`],
  [
    'a rule added',
    (s) => entry(s, 'medical-masks').rules.push({ ...structuredClone(masksRule(s)), id: 'vn-inbound-2021', scope: { origin: { except: ['VN'] }, destination: { countries: ['VN'] }, events: ['acceptance'] } }),
    'medical-masks / vn-inbound-2021: rule added: reject from 2020-02-01, open-ended; from any country except VN to VN, at acceptance only',
  ],
  ['a rule removed', (s) => entry(s, 'medical-gloves').rules.splice(0, 1), 'medical-gloves / vn-outbound-suspension-2020: rule removed (was reject from 2020-02-01'],
  ['an HS code added', (s) => entry(s, 'medical-gloves').hsCodes.push({ code: '9018.90', strength: 'indicative' }), 'HS code 9018.90 added (indicative)'],
  ['an HS code removed', (s) => (entry(s, 'medical-gloves').hsCodes = entry(s, 'medical-gloves').hsCodes.filter((h) => h.code !== '4015.11')), 'HS code 4015.11 removed (was decisive)'],
  ['an HS code strengthened', (s) => (entry(s, 'medical-gloves').hsCodes.find((h) => h.code === '4015.19')!.strength = 'decisive'), 'HS code 4015.19 now decisive (was indicative)'],
  ['match terms added', (s) => entry(s, 'medical-masks').match.terms.vi!.push('khẩu trang 6 lớp', 'kt 6 lớp'), 'match terms (vi): 2 added ("khẩu trang 6 lớp", "kt 6 lớp")'],
  ['a look-alike removed', (s) => (entry(s, 'medical-masks').match.lookalikes.en = entry(s, 'medical-masks').match.lookalikes.en!.filter((w) => w !== 'halloween')), 'match lookalikes (en): 1 removed ("halloween")'],
  ['an example added', (s) => entry(s, 'disinfectants').examples.accept.push('Nước mắm Phú Quốc'), 'examples that must accept: 1 added ("Nước mắm Phú Quốc")'],
  ['an entry removed', (s) => (s.entries = s.entries.filter((e) => e.id !== 'medical-gloves')), '− entry medical-gloves (Găng tay y tế) removed'],
  ['an entry added', (s) => s.entries.push({ ...structuredClone(entry(s, 'medical-gloves')), id: 'thermometers', names: { vi: 'Nhiệt kế', en: 'Thermometers', fr: 'Thermomètres' } }), '+ entry thermometers (Nhiệt kế) added, "Thermometers"'],
  ['the reject threshold raised', (s) => (s.settings.scoring.thresholds.reject = 0.85), 'score needed to reject: now 0.85 (was 0.8)'],
  ['a weight changed', (s) => (s.settings.scoring.weights.head = 0.65), 'scoring weight "head": now 0.65 (was 0.6)'],
  ['vague words added', (s) => s.settings.vague.terms.fr!.push('machins'), 'vague words (fr): 1 added ("machins")'],
  ['an accessory added', (s) => s.settings.accessories!.en!.push('mask hanger'), 'accessories (en): 1 added ("mask hanger")'],
  ['the time zone changed', (s) => (s.settings.jurisdiction.timeZone = 'Asia/Bangkok'), 'jurisdiction.timeZone: now "Asia/Bangkok" (was "Asia/Ho_Chi_Minh")'],
];

describe('catalog diff', () => {
  it('says nothing changed between equal catalogs', async () => {
    expect(describeChanges(bundled, structuredClone(bundled))).toEqual([]);
    const r = await diffCommand(BUNDLED, await catalogCopy());
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toMatch(/^No differences/);
  });

  it.each(CHANGES)('describes %s in plain words', (_name, change, line) => {
    const after = structuredClone(bundled);
    change(after);
    const lines = describeChanges(bundled, after);
    expect(lines.find((l) => l.includes(line))).toBeDefined();
    expect(lines.filter((l) => l.startsWith('  ')).length).toBe(1);
  });

  it('compares two catalog folders: an ended rule and an added HS code, headed by entry names', async () => {
    const dir = await catalogCopy();
    await setIn(dir, 'entries/medical-masks.yaml', ['rules', 0, 'effective', 'to'], '2020-03-01');
    await editYaml(dir, 'entries/medical-gloves.yaml', (e) => e.hsCodes.push({ code: '9018.90', strength: 'indicative' }));
    const r = await diffCommand(BUNDLED, dir);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(
      expect.arrayContaining([
        'medical-gloves (Găng tay y tế):',
        '  HS code 9018.90 added (indicative)',
        'medical-masks (Khẩu trang y tế):',
        `  ${RULE}: now ends 2020-03-01 (was open-ended)`,
      ]),
    );
    expect(r.out[0]).toMatch(/^From .* \(version [0-9a-f]{16}\) to .* \(version [0-9a-f]{16}\):$/);
  });
});

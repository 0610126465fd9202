import { describeBrowser, startHarness, type Harness } from './harness';
import { lookup } from './lookup-form';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = 'Khẩu trang y tế <script>window.__xss=1</script>';

describeBrowser('what a clerk types is shown as text, never run', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('shows markup in descriptions literally, on screen and on the notice, and runs none of it', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.screen(page, { lines: [{ description: IMG }, { description: SCRIPT }], destination: ['Hoa Kỳ', 'US'], date: '2020-02-10' });
    await page.waitForTimeout(300); // time for an injected onerror to fire, were there one
    expect(await lookup.verdict(page)).toBe('REJECT');
    const said = await page.locator('.line-result .said').allInnerTexts();
    expect(said.map((s) => s.replace(/^“|”$/g, ''))).toEqual([IMG, SCRIPT]);
    expect(await page.locator('#notice .said').innerText()).toBe(SCRIPT);
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      elements: document.querySelectorAll('#result img, #result script, #notice img, #notice script').length,
    }));
    expect(injected).toEqual({ xss: undefined, elements: 0 });
    expect(unexpected()).toEqual([]);
  });

  it('is served with a policy that forbids inline scripts', async () => {
    const res = await fetch(`${h.baseUrl}/lookup/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
  });
});
